import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture, villageFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();

describe('a village (bản) dossier through its own track (real Temporal, PostgreSQL and MinIO)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;
  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture(), villageFixture()]);
    call = h.call;
  });
  afterAll(() => h.close());

  it("is judged by its province's village set, appraised by the district office, and decided at the district", async () => {
    const id = randomUUID();
    const created = await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C1-B1', trackCode: 'T-THON', year: 2024 });
    expect(created.body).toMatchObject({ criteriaSetCode: 'P1-THON', stage: 'SELF', districtCode: 'P1-D1' });
    // This track has the commune prepare the village's dossier: the village head follows it, read-only.
    const head = await h.callAs({ username: 'truong-ban-b1', grants: [{ role: 'village_head', unitCode: 'P1-D1-C1-B1', departmentCode: null }] });
    expect((await head('GET', `/dossiers/${id}`)).status).toBe(200);
    const refused = await head('PUT', `/dossiers/${id}/criteria/V1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('do Ủy ban nhân dân xã thực hiện');
    for (const c of ['V1', 'V2']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });

    const tasks = (await call('GET', '/appraisal-tasks?department=PKT')).body.items as Array<{ dossierId: string; criterionCodes: string[] }>;
    expect(tasks.find((t) => t.dossierId === id)?.criterionCodes).toEqual(['V1', 'V2']);
    for (const c of ['V1', 'V2']) await call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: 'PKT', verdict: 'met', reason: null });
    expect((await call('GET', `/dossiers/${id}`)).body.stage).toBe('DECISION');

    const decided = await call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '55/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
    expect(decided.body.stage).toBe('RECOGNISED');
    expect(await h.db.recognition.count({ where: { unitCode: 'P1-D1-C1-B1', trackCode: 'T-THON' } })).toBe(1);
  });

  it('refuses a commune on the village track', async () => {
    const res = await call('POST', '/dossiers', { commandId: randomUUID(), unitCode: 'P1-D1-C2', trackCode: 'T-THON', year: 2024 });
    expect(res.status).toBe(422);
  });
});
