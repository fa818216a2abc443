import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { createStorage, objectKeys } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { Readable } from 'node:stream';
import { signInAs } from '@ntm/identity/testing';
import { buildEvidenceApi } from './app.js';
import { multipart, pdf } from './test-files.js';
import { removeOrphanEvidence } from './upload.js';

const maxBytes = 64 * 1024;
const config = testConfig({ NTM_EVIDENCE_MAX_BYTES: String(maxBytes), NTM_EVIDENCE_MEDIA_TYPES: 'application/pdf,image/png' });
const storage = createStorage(config.s3);

async function versionsUnder(prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of storage.client.listObjects(storage.bucket, prefix, true, { IncludeVersion: true })) n++;
  return n;
}

describe('evidence API (real MinIO and PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildEvidenceApi>>;
  let inject: (request: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: Buffer; headers?: Record<string, string> }) => Promise<Awaited<ReturnType<typeof app.inject>>>;
  const dossierId = randomUUID();
  const prefix = `dossiers/${dossierId}/evidence/`;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    for (const f of [nationalFixture(), provinceFixture()]) if (!(await importCatalog(db, f)).ok) throw new Error('catalog');
    await db.dossier.create({
      data: { id: dossierId, trackingCode: `T-${dossierId}`, unitCode: 'P1-D1-C1', unitChain: ['P1', 'P1-D1', 'P1-D1-C1'], provinceCode: 'P1', trackCode: 'T-NTM', year: 2025, criteriaSetCode: 'SET-A', stage: 'SELF', createdBy: 'test' },
    });
    app = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
    const authorization = await signInAs(db, config, { username: 'can-bo-xa', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null }] });
    inject = (request) => app.inject({ ...request, headers: { ...request.headers, authorization } });
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  const upload = (name: string, content: Buffer, type?: string) => inject({ method: 'POST', url: `/dossiers/${dossierId}/evidence`, ...multipart(name, content, type) });
  let firstId: string;

  it('stores a PDF under a key made of ids only, with the SHA-256 and size computed while streaming', async () => {
    const content = pdf('biên bản họp');
    const res = await upload('../../Biên bản họp.pdf', content);
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: string; sha256: string; sizeBytes: number; mediaType: string; originalName: string }>();
    firstId = body.id;
    expect(body).toMatchObject({ sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length, mediaType: 'application/pdf', originalName: 'Biên bản họp.pdf' });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: body.id } })).objectKey).toBe(objectKeys.evidence(dossierId, body.id));
    const downloaded = await inject({ method: 'GET', url: `/evidence/${body.id}/content` });
    expect(createHash('sha256').update(downloaded.rawPayload).digest('hex')).toBe(body.sha256);
    const { url } = (await inject({ method: 'GET', url: `/evidence/${body.id}/url` })).json<{ url: string }>();
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses a file whose content is not an accepted type, whatever its name says, leaving nothing behind', async () => {
    const before = await versionsUnder(prefix);
    const res = await upload('bao-cao.pdf', Buffer.from('just text pretending to be a PDF'), 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await db.evidence.count()).toBe(1);
    expect(await versionsUnder(prefix)).toBe(before);
  });

  it('refuses a file over the size limit, leaving no record, object or object version', async () => {
    const before = await versionsUnder(prefix);
    const res = await upload('lon.pdf', Buffer.concat([pdf('x'), randomBytes(maxBytes * 2)]));
    expect(res.statusCode).toBe(413);
    expect(await db.evidence.count()).toBe(1);
    expect(await versionsUnder(prefix)).toBe(before);
  });

  it('keeps evidence submitted with the dossier immutable, while new evidence added during supplementation can still be removed', async () => {
    await db.dossier.update({ where: { id: dossierId }, data: { stage: 'APPRAISAL', submittedAt: new Date() } });
    expect((await inject({ method: 'DELETE', url: `/evidence/${firstId}` })).statusCode).toBe(409);
    expect((await upload('moi.pdf', pdf('moi'))).statusCode).toBe(409);

    await db.dossier.update({ where: { id: dossierId }, data: { stage: 'SELF' } });
    expect((await inject({ method: 'DELETE', url: `/evidence/${firstId}` })).statusCode).toBe(409);
    const added = (await upload('bo-sung.pdf', pdf('bổ sung'))).json<{ id: string }>();
    expect((await inject({ method: 'DELETE', url: `/evidence/${added.id}` })).statusCode).toBe(204);
    expect(await versionsUnder(objectKeys.evidence(dossierId, added.id))).toBe(0);
    expect((await inject({ method: 'GET', url: `/dossiers/${dossierId}/evidence` })).json<unknown[]>()).toHaveLength(1);
  });

  it('cleans up an object left without a record by a crash mid-upload, and only that one', async () => {
    const orphanKey = objectKeys.evidence(dossierId, randomUUID());
    await storage.putStream(orphanKey, Readable.from([pdf('orphan')]), 'application/pdf');
    const removed = await removeOrphanEvidence(db, storage, 0);
    expect(removed).toContain(orphanKey);
    expect(await versionsUnder(orphanKey)).toBe(0);
    expect((await inject({ method: 'GET', url: `/evidence/${firstId}/content` })).statusCode).toBe(200);
  });
});
