import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

type View = {
  criteriaSetCode: string;
  hasDistrictStage: boolean;
  thresholdGroup: { code: string } | null;
  criteria: Array<{ code: string; indicators: Array<{ thresholdText: string }> }>;
  documents: Array<{ code: string }>;
  appraisalTasks: Array<{ departmentCode: string; criterionCodes: string[] }>;
  processControl: { steps: Array<{ stageCode: string }> };
};

describe('the set in force and the chain of approval on the seed catalog (Lai Châu, before and after 1 July 2025)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    call = h.call;
  });
  afterAll(() => h.close());

  const view = async (id: string) => (await call('GET', `/dossiers/${id}`)).body as unknown as View;
  const open = async (unitCode: string, year: number) => {
    const id = randomUUID();
    const res = await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return id;
  };

  it('a 2026 dossier of a post-reform commune (Mường Kim, 03637) opens against the 2026–2030 set and reaches a decision without a district stage', async () => {
    h.openOn(null);
    const id = await open('03637', 2026);
    const opened = await view(id);
    expect(opened).toMatchObject({ criteriaSetCode: 'XA-NTM-2026-2030', hasDistrictStage: false, thresholdGroup: { code: 'NHOM-3' } });
    expect(opened.criteria.map((c) => c.code)).toEqual(['TC01', 'TC02', 'TC03', 'TC04', 'TC05', 'TC06', 'TC07', 'TC08', 'TC09', 'TC10']);
    // Placeholder indicators: no threshold yet, so the departments judge them.
    expect(new Set(opened.criteria.flatMap((c) => c.indicators.map((i) => i.thresholdText)))).toEqual(new Set(['chưa có ngưỡng']));

    for (const c of opened.criteria) {
      expect((await call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt theo báo cáo của xã.' })).status).toBe(200);
    }
    for (const d of opened.documents) await call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });

    const { appraisalTasks } = await view(id);
    expect(appraisalTasks.map((t) => t.departmentCode)).toEqual(expect.arrayContaining(['SNNMT', 'SKHCN', 'SXD']));
    for (const t of appraisalTasks) {
      for (const c of t.criterionCodes) {
        await call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null });
      }
    }
    expect((await view(id)) as unknown).toMatchObject({ stage: 'RECOGNITION' });
    const decided = await call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '51/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
    expect(decided.body.stage).toBe('RECOGNISED');
    expect((await view(id)).processControl.steps.map((s) => s.stageCode)).toEqual(['SELF_ASSESSMENT', 'APPRAISAL', 'RECOGNITION']);
  });

  it('a 2025 dossier of a pre-reform commune opened before 1 July 2025 keeps the 2021–2025 set and its district stage', async () => {
    h.openOn('2025-06-16');
    const id = await open('110-03628', 2025);
    const opened = await view(id);
    expect(opened).toMatchObject({ criteriaSetCode: 'XA-NTM-2021-2025', hasDistrictStage: true, thresholdGroup: { code: 'TDMNPB' } });
    expect(opened.criteria).toHaveLength(19);
  });

  it('a 2025 dossier opened after the reform still uses the 2021–2025 set, without the district stage', async () => {
    h.openOn('2025-07-01');
    // A post-reform commune: the three-tier communes end on 30 June 2025.
    const id = await open('03618', 2025);
    expect(await view(id)).toMatchObject({ criteriaSetCode: 'XA-NTM-2021-2025', hasDistrictStage: false });
  });

  it('refuses a dossier of a three-tier commune opened after it ceased to exist', async () => {
    h.openOn('2025-07-01');
    const res = await call('POST', '/dossiers', { commandId: randomUUID(), unitCode: '106-03413', trackCode: 'COMMUNE_NTM', year: 2025 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'body.unit_no_longer_exists', message: 'Xã Sơn Bình đã hết hiệu lực sau ngày 30/06/2025 (giải thể hoặc sáp nhập).' }]);
  });
});
