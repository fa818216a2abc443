import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '@ntm/catalog';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { signInAs, type TestUser } from '@ntm/identity/testing';
import { createStorage } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { buildEvidenceApi } from './app.js';
import { multipart, pdf } from './test-files.js';

// Limits low enough to reach in a test; each scenario below signs in as its own user.
const config = testConfig({ NTM_UPLOAD_RATE_LIMIT: '3', NTM_UPLOAD_RATE_LIMIT_PER_IP: '8' });
const storage = createStorage(config.s3);

// Two communes of Tam Đường in the seed catalog (packages/db/seed/catalog/lai-chau.json).
const sonBinh = '106-03413';
const giangMa = '106-03405';
const communeOfficer = (username: string, unitCode: string): TestUser => ({ username, grants: [{ role: 'commune_officer', unitCode, departmentCode: null }] });

describe('who may reach a dossier’s evidence (real MinIO and PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildEvidenceApi>>;
  const giangMaDossier = randomUUID();
  let evidenceId: string;

  const as = async (user: TestUser) => {
    const authorization = await signInAs(db, config, user);
    return (method: 'GET' | 'POST' | 'DELETE', url: string, extra: { payload?: Buffer; headers?: Record<string, string>; remoteAddress?: string } = {}) =>
      app.inject({ method, url, payload: extra.payload, remoteAddress: extra.remoteAddress, headers: { ...extra.headers, authorization } });
  };
  const uploadAs = async (user: TestUser, dossierId: string, remoteAddress?: string) => {
    const call = await as(user);
    return () => call('POST', `/dossiers/${dossierId}/evidence`, { ...multipart('bien-ban.pdf', pdf(randomUUID())), remoteAddress });
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    await seedCatalog(db);
    await db.dossier.create({
      data: {
        id: giangMaDossier,
        trackingCode: `12-${giangMaDossier}`,
        unitCode: giangMa,
        unitChain: ['12', '106', giangMa],
        provinceCode: '12',
        districtCode: '106',
        trackCode: 'COMMUNE_NTM',
        year: 2025,
        criteriaSetCode: 'XA-NTM-2021-2025',
        stage: 'SELF_ASSESSMENT',
        createdBy: 'xa.giangma',
        appraisers: [{ departmentCode: 'SXD', criterionCodes: ['TC01'] }],
        appraiserDepartments: ['SXD'],
      },
    });
    app = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
    const upload = await uploadAs(communeOfficer('xa.giangma', giangMa), giangMaDossier);
    const res = await upload();
    expect(res.statusCode).toBe(201);
    evidenceId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  it('answers Sơn Bình’s officer as if Giang Ma’s evidence did not exist: list, metadata, content and presigned URL', async () => {
    const sonBinhOfficer = await as(communeOfficer('xa.sonbinh', sonBinh));
    for (const url of [`/dossiers/${giangMaDossier}/evidence`, `/evidence/${evidenceId}`, `/evidence/${evidenceId}/content`, `/evidence/${evidenceId}/url`]) {
      const res = await sonBinhOfficer('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).not.toContain('.amazonaws');
      expect(res.body).not.toContain('X-Amz-Signature');
    }
    const upload = await uploadAs(communeOfficer('xa.sonbinh', sonBinh), giangMaDossier);
    expect((await upload()).statusCode).toBe(404);
    expect((await sonBinhOfficer('DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(404);
    expect(await db.evidence.count({ where: { dossierId: giangMaDossier } })).toBe(1);
  });

  it('gives a presigned URL to those who may read the dossier, and only them', async () => {
    const readers: TestUser[] = [
      communeOfficer('xa.giangma', giangMa),
      { username: 'so.xaydung', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: 'SXD' }] },
      { username: 'tinh.vpdp', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] },
    ];
    for (const reader of readers) {
      const res = await (await as(reader))('GET', `/evidence/${evidenceId}/url`);
      expect(res.statusCode, reader.username).toBe(200);
      expect((await fetch(res.json<{ url: string }>().url)).status).toBe(200);
    }
    // A department that does not appraise this dossier, and an administrator, see nothing of it.
    const outsiders: TestUser[] = [
      { username: 'so.yte', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: 'SYT' }] },
      { username: 'quantri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] },
    ];
    for (const outsider of outsiders) expect((await (await as(outsider))('GET', `/evidence/${evidenceId}/url`)).statusCode, outsider.username).toBe(404);
  });

  it('lets a reader read but not add or remove files: 403', async () => {
    const province = await as({ username: 'tinh.vpdp-2', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    expect((await province('POST', `/dossiers/${giangMaDossier}/evidence`, multipart('x.pdf', pdf('x')))).statusCode).toBe(403);
    expect((await province('DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(403);
  });

  it('refuses a request without a valid token: 401', async () => {
    expect((await app.inject({ method: 'GET', url: `/evidence/${evidenceId}/url` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/evidence/${evidenceId}/url`, headers: { authorization: 'Bearer a.b.c' } })).statusCode).toBe(401);
  });

  it('limits uploads per user per minute: the next one is 429 with Retry-After and stores nothing', async () => {
    const upload = await uploadAs(communeOfficer('xa.giangma-2', giangMa), giangMaDossier, '10.0.0.1');
    for (let i = 0; i < 3; i++) expect((await upload()).statusCode).toBe(201);
    const before = await db.evidence.count();
    const refused = await upload();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await db.evidence.count()).toBe(before);
    // Another user of the same commune has a budget of their own.
    expect((await (await uploadAs(communeOfficer('xa.giangma-3', giangMa), giangMaDossier, '10.0.0.2'))()).statusCode).toBe(201);
  });

  it('limits uploads per client IP whoever is signed in', async () => {
    const ip = '10.0.0.9';
    const users = ['a', 'b', 'c'].map((s) => communeOfficer(`xa.giangma-ip-${s}`, giangMa));
    const results: number[] = [];
    for (const user of users) {
      const upload = await uploadAs(user, giangMaDossier, ip);
      for (let i = 0; i < 3; i++) results.push((await upload()).statusCode);
    }
    // 8 per IP: users a and b upload 3 each, c gets 2 before the IP's budget is spent.
    expect(results).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
  });
});
