import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as { province: unknown };

// The seed catalog names no village: this one, of Pha Mu (Than Uyên), is invented for the test.
const VILLAGE = '110-03628-B01';
const OTHER_VILLAGE = '110-03628-B02';
const THIRD_VILLAGE = '110-03628-B03';
const villageFile = (province: unknown) => ({
  format: 'ntm-catalog/1',
  province,
  units: [VILLAGE, OTHER_VILLAGE, THIRD_VILLAGE].map((code, i) => ({ code, name: `Bản Thử Nghiệm ${i + 1}`, level: 'village', parentCode: '110-03628', validFrom: '2020-01-01', validTo: null, groupings: {} })),
});

type View = { stage: string; documents: Array<{ code: string }>; criteria: Array<{ code: string }>; appraisalTasks: Array<{ departmentCode: string; criterionCodes: string[]; round: number }> };

describe("Lai Châu's village chain (Hướng dẫn 340/HD-SNN): village → commune verification → district appraisal → district decision, each step signed in as its person", () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let commune: Call;
  let head: Call;
  let district: Call;
  let office: Call;
  let otherOffice: Call;
  let headUpload: (dossierId: string) => Promise<string>;

  beforeAll(async () => {
    const laiChau = seed('lai-chau.json');
    h = await startDossierHarness(config, [seed('national.json'), laiChau, villageFile(laiChau.province)]);
    commune = await h.callAs({ username: 'xa.phamu', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] });
    const headUser = { username: 'truong-ban.b01', grants: [{ role: 'village_head' as const, unitCode: VILLAGE, departmentCode: null }] };
    head = await h.callAs(headUser);
    headUpload = await h.uploaderAs(headUser);
    district = await h.callAs({ username: 'huyen.thanuyen', grants: [{ role: 'district_officer', unitCode: '110', departmentCode: null }] });
    office = await h.callAs({ username: 'phong.nn.thanuyen', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: '110-PNNPTNT' }] });
    otherOffice = await h.callAs({ username: 'phong.nn.tamduong', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: '106-PNNPTNT' }] });
    // Before the two-tier reform: Lai Châu still has its districts.
    h.openOn('2025-03-10');
  });
  afterAll(() => h.close());

  const view = async (id: string) => (await commune('GET', `/dossiers/${id}`)).body as unknown as View;
  const events = async (id: string) => (await h.db.dossierEvent.findMany({ where: { dossierId: id }, orderBy: { occurredAt: 'asc' } })).map((e) => `${e.type}:${e.actor}`);

  it('runs to the district’s decision, with a return by the commune on the way', async () => {
    const id = randomUUID();
    const created = await commune('POST', '/dossiers', { commandId: id, unitCode: VILLAGE, trackCode: 'VILLAGE_NTM', year: 2025 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ criteriaSetCode: 'LCH-THON-2021-2025', stage: 'SELF_ASSESSMENT' });

    // The village's board self-assesses, attaches its documents and submits, through its head.
    const opened = await view(id);
    expect(opened.criteria).toHaveLength(15);
    for (const c of opened.criteria) {
      const res = await head('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt theo đánh giá của thôn.' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    for (const d of opened.documents) {
      expect((await head('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await headUpload(id) })).status).toBe(200);
    }
    await meetSubmissionConditions(head, id);
    expect((await head('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'COMMUNE_VERIFICATION' });
    // Nothing is appraised before the commune has verified it.
    expect((await view(id)).appraisalTasks).toEqual([]);

    // The district may not verify for the commune; the village head may not either.
    const byDistrict = await district('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'confirm' });
    expect(byDistrict.status).toBe(403);
    expect(byDistrict.body.detail).toContain('Ủy ban nhân dân cấp xã');
    expect((await head('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'confirm' })).status).toBe(403);

    // The commune returns it: the village corrects and resubmits.
    const returned = await commune('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'return', reasons: 'Biên bản họp thôn thiếu chữ ký.' });
    expect(returned.body).toEqual({ stage: 'SELF_ASSESSMENT' });
    expect((await head('PUT', `/dossiers/${id}/documents/BIEN_BAN_HOP`, { commandId: randomUUID(), evidenceId: await headUpload(id) })).status).toBe(200);
    expect((await head('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'COMMUNE_VERIFICATION' });
    const verified = await commune('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'confirm' });
    expect(verified.body).toEqual({ stage: 'APPRAISAL' });

    // Than Uyên's office appraises (not Tam Đường's, though the criteria are assigned to both districts' offices).
    const { appraisalTasks } = await view(id);
    expect(appraisalTasks.map((t) => [t.departmentCode, t.criterionCodes.length, t.round])).toEqual([['110-PNNPTNT', 15, 1]]);
    expect((await otherOffice('PUT', `/dossiers/${id}/criteria/TC01/appraisal`, { commandId: randomUUID(), departmentCode: '106-PNNPTNT', verdict: 'met', reason: null })).status).toBe(404);
    for (const c of appraisalTasks[0]?.criterionCodes ?? []) {
      const res = await office('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: '110-PNNPTNT', verdict: 'met', reason: null });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    expect((await view(id)).stage).toBe('RECOGNITION');

    // The commune does not decide; the district does.
    const decision = { outcome: 'recognise', number: '120/QĐ-UBND', date: '2025-05-20', effectiveDate: '2025-05-20', signer: 'Người ký thử' };
    expect((await commune('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), ...decision })).status).toBe(403);
    const decided = await district('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), ...decision });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.stage).toBe('RECOGNISED');
    expect(await h.db.recognition.count({ where: { unitCode: VILLAGE, trackCode: 'VILLAGE_NTM', status: 'active' } })).toBe(1);

    expect(await events(id)).toEqual(
      expect.arrayContaining([
        'dossier.submitted:truong-ban.b01',
        'commune.returned:xa.phamu',
        'commune.verified:xa.phamu',
        'appraisal.completed:system',
      ]),
    );
    const steps = (await commune('GET', `/dossiers/${id}`)).body as unknown as { processControl: { steps: Array<{ stageCode: string }> } };
    expect(steps.processControl.steps.map((s) => s.stageCode)).toEqual(['SELF_ASSESSMENT', 'COMMUNE_VERIFICATION', 'SELF_ASSESSMENT', 'COMMUNE_VERIFICATION', 'APPRAISAL', 'RECOGNITION']);
  });

  it('sends a supplementation back through the commune: a return keeps the village to the criteria sent back, and round 2 appraises only those', async () => {
    const thirdHead = { username: 'truong-ban.b03', grants: [{ role: 'village_head' as const, unitCode: THIRD_VILLAGE, departmentCode: null }] };
    const head = await h.callAs(thirdHead);
    const headUpload = await h.uploaderAs(thirdHead);
    const id = randomUUID();
    expect((await commune('POST', '/dossiers', { commandId: id, unitCode: THIRD_VILLAGE, trackCode: 'VILLAGE_NTM', year: 2025 })).status).toBe(201);
    const opened = await view(id);
    for (const c of opened.criteria) await head('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    for (const d of opened.documents) await head('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await headUpload(id) });
    await meetSubmissionConditions(head, id);
    await head('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    expect((await commune('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'confirm' })).body).toEqual({ stage: 'APPRAISAL' });
    for (const c of opened.criteria) {
      const verdict = c.code === 'TC03' ? { verdict: 'needs_supplementation', reason: 'Bổ sung ảnh chụp nhà văn hóa.' } : { verdict: 'met', reason: null };
      await office('PUT', `/dossiers/${id}/criteria/${c.code}/appraisal`, { commandId: randomUUID(), departmentCode: '110-PNNPTNT', ...verdict });
    }
    expect((await view(id)).stage).toBe('SELF_ASSESSMENT');

    const sa = (code: string) => head('PUT', `/dossiers/${id}/criteria/${code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đã bổ sung.' });
    expect((await sa('TC03')).status).toBe(200);
    expect((await head('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'COMMUNE_VERIFICATION' });
    expect((await commune('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'return', reasons: 'Ảnh bổ sung chưa rõ.' })).body).toEqual({ stage: 'SELF_ASSESSMENT' });
    // Still the supplementation: only TC03 may change.
    expect((await sa('TC01')).status).toBe(409);
    expect((await sa('TC03')).status).toBe(200);
    await head('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    expect((await commune('POST', `/dossiers/${id}/commune-verification`, { commandId: randomUUID(), decision: 'confirm' })).body).toEqual({ stage: 'APPRAISAL' });
    expect((await view(id)).appraisalTasks.filter((t) => t.round === 2).map((t) => t.criterionCodes)).toEqual([['TC03']]);
    await office('PUT', `/dossiers/${id}/criteria/TC03/appraisal`, { commandId: randomUUID(), departmentCode: '110-PNNPTNT', verdict: 'met', reason: null });
    expect((await view(id)).stage).toBe('RECOGNITION');
  });

  it('is refused after the two-tier reform, where no district decides (docs/catalog-file.md says what the province configures instead)', async () => {
    h.openOn('2025-07-01');
    const res = await commune('POST', '/dossiers', { commandId: randomUUID(), unitCode: OTHER_VILLAGE, trackCode: 'VILLAGE_NTM', year: 2025 });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('không còn cấp huyện');
    h.openOn('2025-03-10');
  });
});
