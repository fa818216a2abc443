import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { ok, openCampaign, reappraise } from '../rechecks/recheck-test-support.js';

const config = testConfig();

// Province P1 with a second district and a third department: C1 is SXD's, C2 SGT's and STN's, C3 SXD's and SGT's.
function catalog() {
  const base = provinceFixture();
  const commune = (code: string, name: string) => ({ code, name, level: 'commune' as const, parentCode: 'P1-D2', validFrom: '2020-01-01', groupings: { 'SET-A': 'R1' } });
  return {
    ...base,
    units: [...base.units, { code: 'P1-D2', name: 'Huyện Hai', level: 'district' as const, parentCode: 'P1', validFrom: '2020-01-01' }, commune('P1-D2-C3', 'Xã Nà Tăm'), commune('P1-D2-C4', 'Xã Bản Hon'), commune('P1-D2-C5', 'Xã Khun Há')],
    departments: [...(base.departments ?? []), { code: 'STN', name: 'Sở Tài nguyên và Môi trường', level: 'province' as const }],
    assignments: [...(base.assignments ?? []), { criteriaSetCode: 'SET-A', criterionCode: 'C2', departmentCode: 'STN' }],
  };
}

const vietnamMorning = (day: string) => new Date(`${day}T03:00:00Z`);
type View = { counts: Record<string, number>; total: number; items: Array<{ unitCode: string; bucket: string; dueDate: string | null; departmentCodes: string[]; unmetCriterionCodes: string[] }>; overdueDepartments: unknown[] };

describe('the campaign view’s department and criterion filters and its overdue departments, through the HTTP API (real Temporal, PostgreSQL)', () => {
  let h: DossierHarness;
  const view = async (day: string, query = ''): Promise<View> => {
    h.openOn(day);
    return (await ok(h.call, 'GET', `/provinces/P1/campaigns/2027?pageSize=500${query}`)) as unknown as View;
  };
  const units = (v: View) => v.items.map((i) => i.unitCode).sort();

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), catalog()]);
    for (const [i, unit] of ['P1-D1-C1', 'P1-D1-C2', 'P1-D2-C3', 'P1-D2-C4', 'P1-D2-C5'].entries()) {
      await ok(h.call, 'POST', '/provinces/P1/registered-recognitions', { unitCode: unit, trackCode: 'T-NTM', year: 2024, decisionNumber: `${700 + i}/QĐ-UBND`, signedOn: '2024-12-20', signer: 'Người ký thử' });
    }
    const rechecks = await openCampaign(h, 'P1', 'T-NTM', 2027);
    const id = (unit: string) => rechecks.get(unit) ?? '';
    const reassess = async (unit: string, unmet: readonly string[] = []) => {
      for (const c of ['C1', 'C2', 'C3']) await ok(h.call, 'PUT', `/rechecks/${id(unit)}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: !unmet.includes(c), explanation: 'Đơn vị tự rà soát.' });
      await ok(h.call, 'POST', `/rechecks/${id(unit)}/submit`, { commandId: randomUUID() });
    };
    const verdicts = async (unit: string, departmentCode: string, criteria: readonly string[]) => {
      for (const c of criteria) await ok(h.call, 'PUT', `/rechecks/${id(unit)}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode, verdict: 'met', reason: null });
    };
    // Submitted on time: the departments answer by the campaign's date, 20/6/2027.
    h.receiveCommandsAt(vietnamMorning('2027-06-01'));
    await reassess('P1-D1-C1');
    await verdicts('P1-D1-C1', 'SGT', ['C2', 'C3']); // open: SXD, STN
    await reassess('P1-D1-C2', ['C1']); // the commune says C1 no longer holds; no department has judged it yet
    await verdicts('P1-D1-C2', 'SXD', ['C1', 'C3']);
    await verdicts('P1-D1-C2', 'SGT', ['C2', 'C3']); // open: STN
    await reassess('P1-D2-C4');
    await reappraise(h.call, id('P1-D2-C4'), new Set(['C1'])); // judged: C1 unmet, at risk
    // Submitted late: the track's 20 working days from 25/6/2027.
    h.receiveCommandsAt(vietnamMorning('2027-06-25'));
    await reassess('P1-D2-C3');
    await verdicts('P1-D2-C3', 'SXD', ['C1', 'C3']); // open: SGT, STN
    h.receiveCommandsAt(null);
    // P1-D2-C5 never re-assesses.
  }, 180_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('counts a late submission in progress until its departments’ own due date, and lists the departments overdue on the campaign’s date', async () => {
    const v = await view('2027-07-10');
    expect(v.counts).toMatchObject({ overdue: 3, in_progress: 1, at_risk: 1 });
    expect(v.items.find((i) => i.unitCode === 'P1-D2-C3')).toMatchObject({ bucket: 'in_progress', dueDate: '2027-07-23', departmentCodes: ['SGT', 'STN', 'SXD'] });
    expect(v.overdueDepartments).toEqual([
      { departmentCode: 'STN', departmentName: 'Sở Tài nguyên và Môi trường', overdueCount: 2, earliestDueDate: '2027-06-20' },
      { departmentCode: 'SXD', departmentName: 'Sở Xây dựng', overdueCount: 1, earliestDueDate: '2027-06-20' },
    ]);
  });

  it('orders the overdue departments by overdue tasks, then by the earliest due date (not by code)', async () => {
    const v = await view('2027-08-01');
    expect(v.counts).toMatchObject({ overdue: 4, in_progress: 0, at_risk: 1 });
    expect(v.overdueDepartments).toEqual([
      { departmentCode: 'STN', departmentName: 'Sở Tài nguyên và Môi trường', overdueCount: 3, earliestDueDate: '2027-06-20' },
      { departmentCode: 'SXD', departmentName: 'Sở Xây dựng', overdueCount: 1, earliestDueDate: '2027-06-20' },
      { departmentCode: 'SGT', departmentName: 'Sở Giao thông vận tải', overdueCount: 1, earliestDueDate: '2027-07-23' },
    ]);
    // The list: overdue first by deadline (the unit that never re-assessed is due 5/6), then the rest.
    expect(v.items.map((i) => [i.unitCode, i.bucket, i.dueDate])).toEqual([
      ['P1-D2-C5', 'overdue', '2027-06-05'],
      ['P1-D1-C1', 'overdue', '2027-06-20'],
      ['P1-D1-C2', 'overdue', '2027-06-20'],
      ['P1-D2-C3', 'overdue', '2027-07-23'],
      ['P1-D2-C4', 'at_risk', null],
    ]);
  });

  it('filters by department: the re-checks it has a task on in the current round, open or done; the section keeps that department', async () => {
    const sgt = await view('2027-08-01', '&department=SGT');
    expect(units(sgt)).toEqual(['P1-D1-C1', 'P1-D1-C2', 'P1-D2-C3', 'P1-D2-C4']);
    expect(sgt.counts).toMatchObject({ overdue: 3, at_risk: 1, pending: 0 });
    expect(sgt.overdueDepartments).toEqual([{ departmentCode: 'SGT', departmentName: 'Sở Giao thông vận tải', overdueCount: 1, earliestDueDate: '2027-07-23' }]);
    const inDistrict = await view('2027-08-01', '&department=SXD&district=P1-D2');
    expect(units(inDistrict)).toEqual(['P1-D2-C3', 'P1-D2-C4']);
    expect(inDistrict.overdueDepartments).toEqual([]);
    const overdueOnly = await view('2027-08-01', '&department=STN&bucket=overdue');
    expect(units(overdueOnly)).toEqual(['P1-D1-C1', 'P1-D1-C2', 'P1-D2-C3']);
    expect(overdueOnly.counts).toMatchObject({ overdue: 3, at_risk: 1 });
  });

  it('filters by criterion: the re-checks holding it unmet, judged so by the departments or, not yet judged, declared so by the unit', async () => {
    const c1 = await view('2027-08-01', '&criterion=C1');
    expect(c1.items.map((i) => [i.unitCode, i.bucket, i.unmetCriterionCodes])).toEqual([
      ['P1-D1-C2', 'overdue', ['C1']],
      ['P1-D2-C4', 'at_risk', ['C1']],
    ]);
    expect(c1.overdueDepartments).toEqual([{ departmentCode: 'STN', departmentName: 'Sở Tài nguyên và Môi trường', overdueCount: 1, earliestDueDate: '2027-06-20' }]);
    expect(units(await view('2027-08-01', '&criterion=C1&department=SXD&district=P1-D2'))).toEqual(['P1-D2-C4']);
    const c2 = await view('2027-08-01', '&criterion=C2');
    expect({ total: c2.total, items: c2.items, overdue: c2.overdueDepartments }).toEqual({ total: 0, items: [], overdue: [] });
  });

  it('lets a district officer read its own district’s campaign and nobody else’s', async () => {
    h.openOn('2027-08-01');
    const district = await h.callAs({ username: 'phong-nn-huyen-hai', grants: [{ role: 'district_officer', unitCode: 'P1-D2', departmentCode: null }] });
    const own = await district('GET', '/provinces/P1/campaigns/2027?district=P1-D2&pageSize=500');
    expect(own.status).toBe(200);
    expect(units(own.body as unknown as View)).toEqual(['P1-D2-C3', 'P1-D2-C4', 'P1-D2-C5']);
    expect((own.body as unknown as View).counts).toMatchObject({ overdue: 2, at_risk: 1, in_progress: 0 });
    // The whole province, another district: refused, as any unit outside the account's scope.
    for (const url of ['/provinces/P1/campaigns/2027', '/provinces/P1/campaigns/2027?district=P1-D1']) {
      const refused = await district('GET', url);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe('Không thể xem tình hình đợt rà soát duy trì hằng năm: đơn vị không thuộc phạm vi phụ trách của tài khoản.');
    }
    // Reading is not running: the schedules stay the province's, and a commune reads no campaign view.
    expect((await district('GET', '/provinces/P1/campaign-schedules')).status).toBe(403);
    const commune = await h.callAs({ username: 'xa-na-tam', grants: [{ role: 'commune_officer', unitCode: 'P1-D2-C3', departmentCode: null }] });
    expect((await commune('GET', '/provinces/P1/campaigns/2027?district=P1-D2')).status).toBe(403);
  });

  it('answers 400 in Vietnamese naming each filter that is not in the catalog, and nothing else', async () => {
    h.openOn(null);
    const res = await h.call('GET', '/provinces/P1/campaigns/2027?department=SXX&criterion=C9&district=P1-D9');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'urn:ntm:problem:validation', title: expect.any(String), detail: 'Bộ lọc của đợt rà soát có giá trị không có trong danh mục.' });
    expect(res.body.errors).toEqual([
      { location: 'querystring.district', message: 'không có huyện "P1-D9" thuộc tỉnh trong danh mục' },
      { location: 'querystring.department', message: 'không có sở/phòng "SXX" của tỉnh trong danh mục' },
      { location: 'querystring.criterion', message: 'không có tiêu chí "C9" trong các bộ tiêu chí tỉnh áp dụng' },
    ]);
    // A unit code is not a district, and a commune's code is not a department.
    const commune = await h.call('GET', '/provinces/P1/campaigns/2027?district=P1-D1-C1');
    expect(commune.body.errors).toEqual([expect.objectContaining({ location: 'querystring.district' })]);
    const empty = await h.call('GET', '/provinces/P1/campaigns/2027?department=');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ location: 'querystring.department' })]);
  });
});
