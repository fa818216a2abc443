import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import type { RecheckPlan } from '@ntm/contracts';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { signInAs, type TestUser } from '@ntm/identity/testing';
import { createStorage, objectKeys } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { buildEvidenceApi } from './app.js';
import { multipart, pdf } from './test-files.js';
import { removeOrphanEvidence } from './upload.js';

const config = testConfig({ NTM_UPLOAD_RATE_LIMIT: '100', NTM_UPLOAD_RATE_LIMIT_PER_IP: '100' });
const storage = createStorage(config.s3);
const stages = (nationalFixture().tracks ?? [])[0]?.stages ?? [];
const communeOf = (unitCode: string): TestUser => ({ username: `xa-${unitCode}`, grants: [{ role: 'commune_officer', unitCode, departmentCode: null }] });
const department = (code: string): TestUser => ({ username: `so-${code}`, grants: [{ role: 'department_officer', unitCode: 'P1', departmentCode: code }] });

type Res = { status: number; body: Record<string, unknown> & { detail?: string }; raw: Buffer };

describe('evidence of a unit’s yearly re-check (real MinIO and PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildEvidenceApi>>;
  const dossierId = randomUUID();
  const recheckId = randomUUID();
  let dossierEvidence: string;
  let newEvidence: string;

  const as = async (user: TestUser) => {
    const authorization = await signInAs(db, config, user);
    return async (method: 'GET' | 'POST' | 'DELETE', url: string, file?: Buffer): Promise<Res> => {
      const body = file ? multipart('biên bản rà soát.pdf', file) : { payload: undefined, headers: {} };
      const res = await app.inject({ method, url, payload: body.payload, headers: { ...body.headers, authorization } });
      return { status: res.statusCode, body: String(res.headers['content-type']).includes('json') ? res.json() : {}, raw: res.rawPayload };
    };
  };
  const versionsUnder = async (prefix: string) => {
    let n = 0;
    for await (const _ of storage.client.listObjects(storage.bucket, prefix, true, { IncludeVersion: true })) n++;
    return n;
  };
  const setStage = (stage: string) => db.recheck.update({ where: { id: recheckId }, data: { stage } });

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    for (const f of [nationalFixture(), provinceFixture()]) if (!(await importCatalog(db, f)).ok) throw new Error('catalog');
    app = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
    // The dossier that recognised P1-D1-C1, appraised by SXD alone; its C1 cited one file.
    await db.dossier.create({
      data: { id: dossierId, trackingCode: `T-${dossierId}`, unitCode: 'P1-D1-C1', unitChain: ['P1', 'P1-D1', 'P1-D1-C1'], provinceCode: 'P1', trackCode: 'T-NTM', year: 2025, criteriaSetCode: 'SET-A', stage: 'SELF', createdBy: 'test', appraisers: [{ departmentCode: 'SXD', criterionCodes: ['C1', 'C2', 'C3'] }], appraiserDepartments: ['SXD'] },
    });
    const uploaded = await (await as(communeOf('P1-D1-C1')))('POST', `/dossiers/${dossierId}/evidence`, pdf('hồ sơ 2025'));
    dossierEvidence = String(uploaded.body.id);
    await db.dossier.update({ where: { id: dossierId }, data: { stage: 'recognised', submittedAt: new Date() } });
    // Its 2027 re-check, opened with the dossier's values carried over; SGT now re-appraises C2 and C3.
    const plan: RecheckPlan = {
      recheckId,
      unitName: 'Xã Một',
      unitChain: ['P1', 'P1-D1', 'P1-D1-C1'],
      unitLevel: 'commune',
      trackName: 'Xã đạt chuẩn',
      criteriaSetCode: 'SET-A',
      criteriaSetName: 'Bộ A',
      criteria: [
        { code: 'C1', number: 1, name: 'C1', isKey: false, last: { met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [dossierEvidence] } },
        { code: 'C2', number: 2, name: 'C2', isKey: false, last: null },
      ],
      stages,
      appraisers: [
        { departmentCode: 'SXD', departmentName: 'Sở Xây dựng', criterionCodes: ['C1'] },
        { departmentCode: 'SGT', departmentName: 'Sở Giao thông vận tải', criterionCodes: ['C2'] },
      ],
      holidays: [],
      appraisal: { amount: 20, unit: 'working_days', reminderEveryDays: 5 },
      remediation: { amount: 60, unit: 'working_days', reminderEveryDays: 10, isDefault: true },
    };
    await db.recheckCampaign.create({ data: { id: 'P1/T-NTM/2027', provinceCode: 'P1', trackCode: 'T-NTM', year: 2027, asOf: new Date('2027-05-01'), dates: {}, unitCount: 1 } });
    await db.recheck.create({ data: { id: recheckId, campaignId: 'P1/T-NTM/2027', unitCode: 'P1-D1-C1', provinceCode: 'P1', districtCode: 'P1-D1', trackCode: 'T-NTM', year: 2027, recognitionId: randomUUID(), stage: 'self_assessment', plan } });
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  it('stores the commune’s new file under the re-check, and lists it beside the file carried over from the dossier', async () => {
    const commune = await as(communeOf('P1-D1-C1'));
    const content = pdf('rà soát 2027');
    const res = await commune('POST', `/rechecks/${recheckId}/evidence`, content);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recheckId, dossierId: null, sha256: createHash('sha256').update(content).digest('hex'), originalName: 'biên bản rà soát.pdf' });
    newEvidence = String(res.body.id);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: newEvidence } })).objectKey).toBe(objectKeys.recheckEvidence(recheckId, newEvidence));
    const listed = await commune('GET', `/rechecks/${recheckId}/evidence`);
    expect((listed.body as unknown as Array<{ id: string }>).map((e) => e.id)).toEqual([dossierEvidence, newEvidence]);
    expect(await db.auditEvent.count({ where: { command: 'evidence.uploaded', unitCode: 'P1-D1-C1', dossierId: null } })).toBe(1);
  });

  it('answers another commune as if the re-check did not exist: 404 to upload, list and read', async () => {
    const other = await as(communeOf('P1-D1-C2'));
    for (const [method, url, file] of [['POST', `/rechecks/${recheckId}/evidence`, pdf('x')], ['GET', `/rechecks/${recheckId}/evidence`], ['GET', `/evidence/${newEvidence}/content`], ['GET', `/evidence/${dossierEvidence}`]] as const) {
      const res = await other(method, url, file);
      expect(res.status, url).toBe(404);
      expect(res.body.detail, url).toMatch(/^Không có (lượt rà soát|minh chứng)/);
    }
    expect(await db.evidence.count({ where: { recheckId } })).toBe(1);
  });

  it('lets a department re-appraising the re-check read its files, new and carried over, though it never saw the dossier', async () => {
    const sgt = await as(department('SGT'));
    expect((await sgt('GET', `/dossiers/${dossierId}/evidence`)).status).toBe(404);
    for (const id of [newEvidence, dossierEvidence]) {
      const res = await sgt('GET', `/evidence/${id}/content`);
      expect(res.status, id).toBe(200);
      expect(createHash('sha256').update(res.raw).digest('hex')).toBe((await db.evidence.findUniqueOrThrow({ where: { id } })).sha256);
    }
    expect((await sgt('GET', `/rechecks/${recheckId}/evidence`)).status).toBe(200);
    // Reading is all: it neither adds nor removes files.
    expect((await sgt('POST', `/rechecks/${recheckId}/evidence`, pdf('y'))).status).toBe(403);
    expect((await sgt('DELETE', `/evidence/${dossierEvidence}`)).status).toBe(404);
    // A department with no part in the re-check sees nothing of it.
    expect((await (await as(department('SYT')))('GET', `/evidence/${newEvidence}/content`)).status).toBe(404);
  });

  it('refuses a file whose content is not an accepted type, leaving no record and no object version', async () => {
    const before = await versionsUnder(`rechecks/${recheckId}/evidence/`);
    const res = await (await as(communeOf('P1-D1-C1')))('POST', `/rechecks/${recheckId}/evidence`, Buffer.from('not a PDF at all'));
    expect(res.status).toBe(415);
    expect(await db.evidence.count({ where: { recheckId } })).toBe(1);
    expect(await versionsUnder(`rechecks/${recheckId}/evidence/`)).toBe(before);
  });

  it('takes files only while the unit re-assesses or remediates, and keeps those sent with its re-assessment', async () => {
    const commune = await as(communeOf('P1-D1-C1'));
    await db.recheckEvent.create({ data: { recheckId, commandId: randomUUID(), type: 'recheck.submitted', actor: 'xa', payload: {}, toStage: 'appraisal' } });
    await setStage('appraisal');
    const refused = await commune('POST', `/rechecks/${recheckId}/evidence`, pdf('muộn'));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Lượt rà soát đang ở bước "Các sở, ngành thẩm định lại": chỉ bổ sung minh chứng ở bước "Đơn vị tự rà soát, đánh giá lại" hoặc "Khắc phục tiêu chí chưa đạt".');

    await setStage('remediation');
    const remedied = await commune('POST', `/rechecks/${recheckId}/evidence`, pdf('khắc phục'));
    expect(remedied.status).toBe(201);
    expect((await commune('DELETE', `/evidence/${newEvidence}`)).status).toBe(409);
    expect((await commune('DELETE', `/evidence/${String(remedied.body.id)}`)).status).toBe(204);
    expect(await versionsUnder(objectKeys.recheckEvidence(recheckId, String(remedied.body.id)))).toBe(0);

    await setStage('closed');
    expect((await commune('POST', `/rechecks/${recheckId}/evidence`, pdf('đã kết thúc'))).status).toBe(409);
    expect((await commune('GET', `/evidence/${newEvidence}/content`)).status).toBe(200);
  });

  it('sweeps an object a crash left under the re-check without a record, and keeps the database to one owner per file', async () => {
    const orphan = objectKeys.recheckEvidence(recheckId, randomUUID());
    await storage.putStream(orphan, Readable.from([pdf('orphan')]), 'application/pdf');
    expect(await removeOrphanEvidence(db, storage, 0)).toContain(orphan);
    expect(await versionsUnder(orphan)).toBe(0);
    expect(await versionsUnder(objectKeys.recheckEvidence(recheckId, newEvidence))).toBe(1);
    const both = { id: randomUUID(), dossierId, recheckId, objectKey: `x/${randomUUID()}`, sha256: '0', sizeBytes: 1, mediaType: 'application/pdf', originalName: 'x.pdf', uploadedBy: 'test' };
    await expect(db.evidence.create({ data: both })).rejects.toThrow(/evidence_one_owner/);
    await expect(db.evidence.create({ data: { ...both, dossierId: null, recheckId: null } })).rejects.toThrow(/evidence_one_owner/);
  });
});
