import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { addDuration, vietnamDay } from '@ntm/domain';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

// The fixture province assigns C1 to SXD, C2 to SGT and C3 to both.
const config = testConfig();

/** The same catalog under another province code, configured for the two-tier chain (no district). */
function twoTierProvince() {
  const p = provinceFixture();
  const recode = (c: string | null) => (c === null ? null : c.replace(/^P1/, 'P2'));
  return {
    ...p,
    province: { code: 'P2', name: 'Tỉnh Hai Cấp', hasDistrictStage: false },
    units: p.units.map((u) => ({ ...u, code: recode(u.code) ?? u.code, parentCode: recode(u.parentCode) })),
  };
}

describe('department appraisal, supplementation and district confirmation (real Temporal and PostgreSQL)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture(), twoTierProvince()]);
    call = h.call;
  });
  afterAll(() => h.close());

  async function submittedDossier(unitCode: string): Promise<string> {
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    return id;
  }
  const appraise = (id: string, criterion: string, departmentCode: string, verdict: string, reason: string | null = null) =>
    call('PUT', `/dossiers/${id}/criteria/${criterion}/appraisal`, { commandId: randomUUID(), departmentCode, verdict, reason });
  const stage = async (id: string) => (await call('GET', `/dossiers/${id}`)).body.stage;
  const historyLength = async (id: string) => ((await call('GET', `/dossiers/${id}`)).body.history as unknown[]).length;

  it('opens one task per department with its assigned criteria and a deadline in working days', async () => {
    const id = await submittedDossier('P1-D1-C1');
    const tasks = (await call('GET', '/appraisal-tasks?department=SXD')).body.items as Array<{ dossierId: string; criterionCodes: string[]; dueDate: string; overdue: boolean; unitCode: string; districtCode: string }>;
    const mine = tasks.find((t) => t.dossierId === id);
    expect(mine?.criterionCodes).toEqual(['C1', 'C3']);
    expect(mine).toMatchObject({ unitCode: 'P1-D1-C1', unitName: 'Xã Sơn Bình', districtCode: 'P1-D1', districtName: 'Huyện Một', overdue: false });
    expect((await call('GET', '/appraisal-tasks?department=SXD&district=P1-D1')).body.items).toContainEqual(expect.objectContaining({ dossierId: id }));
    expect((await call('GET', '/appraisal-tasks?department=SXD&district=P1-D2')).body.items).not.toContainEqual(expect.objectContaining({ dossierId: id }));
    const today = vietnamDay(new Date());
    expect(mine?.dueDate).toBe(addDuration(today, { amount: 20, unit: 'working_days' }, { holidays: ['2026-02-17'] }));
  });

  it('refuses a department appraising a criterion not assigned to it, touching nothing', async () => {
    const id = await submittedDossier('P1-D1-C2');
    const before = await historyLength(id);
    const res = await appraise(id, 'C1', 'SGT', 'met');
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('Tiêu chí C1 của hồ sơ này không được giao cho SGT thẩm định.');
    expect(await historyLength(id)).toBe(before);
  });

  it('requires a reason for a verdict that is not "met"', async () => {
    const res = await appraise(randomUUID(), 'C1', 'SXD', 'not_met');
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.location)).toEqual(['body.reason']);
  });

  it('sends back only the criterion needing supplementation; only its departments appraise again; then the district returns and confirms', async () => {
    const id = (await call('GET', '/dossiers?unit=P1-D1-C1')).body.items as Array<{ id: string }>;
    const dossierId = id[0]?.id ?? '';
    await appraise(dossierId, 'C1', 'SXD', 'met');
    await appraise(dossierId, 'C3', 'SXD', 'needs_supplementation', 'Thiếu biên bản nghiệm thu.');
    await appraise(dossierId, 'C2', 'SGT', 'met');
    expect((await appraise(dossierId, 'C3', 'SGT', 'met')).body).toEqual({ taskClosed: true, stage: 'SELF' });

    const locked = await call('PUT', `/dossiers/${dossierId}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Sửa.' });
    expect(locked.status).toBe(409);
    expect((await call('PUT', `/dossiers/${dossierId}/criteria/C3/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đã bổ sung biên bản.' })).status).toBe(200);
    expect((await call('POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });

    const round2 = ((await call('GET', `/dossiers/${dossierId}`)).body.appraisalTasks as Array<{ round: number; departmentCode: string; criterionCodes: string[] }>).filter((t) => t.round === 2);
    expect(round2.map((t) => [t.departmentCode, t.criterionCodes])).toEqual([['SGT', ['C3']], ['SXD', ['C3']]]);
    await appraise(dossierId, 'C3', 'SXD', 'met');
    expect((await appraise(dossierId, 'C3', 'SGT', 'met')).body).toEqual({ taskClosed: true, stage: 'DISTRICT' });

    const returned = await call('POST', `/dossiers/${dossierId}/district-confirmation`, { commandId: randomUUID(), decision: 'return', reasons: 'Cần rà soát lại tiêu chí 2.' });
    expect(returned.body).toEqual({ stage: 'SELF' });
    // The commune reads why, until it submits again.
    expect((await call('GET', `/dossiers/${dossierId}/checklist`)).body.returned).toMatchObject({ reasons: 'Cần rà soát lại tiêu chí 2.' });
    expect((await call('POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    expect((await call('GET', `/dossiers/${dossierId}/checklist`)).body.returned).toBeNull();
    for (const [c, d] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']] as const) await appraise(dossierId, c, d, 'met');
    expect(await stage(dossierId)).toBe('DISTRICT');
    expect((await call('POST', `/dossiers/${dossierId}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null })).body).toEqual({ stage: 'DECISION' });

    const types = ((await call('GET', `/dossiers/${dossierId}`)).body.history as Array<{ type: string }>).map((e) => e.type);
    expect(types.filter((t) => t === 'appraisal.opened')).toHaveLength(3);
    expect(types).toEqual(expect.arrayContaining(['appraisal.supplementation_requested', 'district.returned', 'district.confirmed']));
  });

  it('skips the district stage in a province configured for the two-tier chain', async () => {
    const id = await submittedDossier('P2-D1-C1');
    for (const [c, d] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']] as const) await appraise(id, c, d, 'met');
    expect(await stage(id)).toBe('DECISION');
    const confirm = await call('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null });
    expect(confirm.status).toBe(409);
  });
});
