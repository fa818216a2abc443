import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();

/**
 * The test set's criterion C3 ("Thu nhập") has indicator 3.1, a minimum of 40 in region R1 (here
 * standing for the northern midlands and mountains, the set's group for especially disadvantaged
 * communes) and 50 in R2, and indicator 3.2 with no threshold. Sơn Bình is in R1, Giang Ma in R2,
 * Đặc Biệt in R2 but especially disadvantaged (Quyết định 318/QĐ-TTg Điều 1).
 */
function catalog() {
  const national = nationalFixture();
  const [set] = national.criteriaSets ?? [];
  const income = set?.criteria.find((c) => c.code === 'C3');
  if (!set || !income) throw new Error('fixture changed');
  set.specialDifficultyGroup = 'R1';
  income.indicators.push({ code: '3.2', name: 'Tỷ lệ thử chưa có ngưỡng', thresholdKind: 'percentage', thresholds: { default: null } });
  const province = provinceFixture();
  province.units.push({ code: 'P1-D1-C3', name: 'Xã Đặc Biệt', level: 'commune', parentCode: 'P1-D1', validFrom: '2020-01-01', groupings: { 'SET-A': 'R2' }, specialDifficulty: true });
  return [national, province];
}

type Indicator = { code: string; value: unknown; claimedMet: boolean | null; computed: string; thresholdText: string };
type Criterion = { code: string; computed: string; indicators: Indicator[]; selfAssessment: { met: boolean } | null };

describe('indicators judged against the thresholds of the unit\'s group, through the API', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;

  beforeAll(async () => {
    h = await startDossierHarness(config, catalog());
    call = h.call;
  });
  afterAll(() => h.close());

  const open = async (unitCode: string) => {
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    return id;
  };
  const income = (id: string, met: boolean, value: unknown, indicatorCode = '3.1') =>
    call('PUT', `/dossiers/${id}/criteria/C3/self-assessment`, { commandId: randomUUID(), met, explanation: 'Thu nhập theo báo cáo thống kê.', indicators: [{ indicatorCode, met, value }] });
  const criterion = async (as: Call, id: string, code: string) => ((await as('GET', `/dossiers/${id}`)).body.criteria as Criterion[]).find((c) => c.code === code);
  const history = async (id: string) => ((await call('GET', `/dossiers/${id}`)).body.history as unknown[]).length;

  it('below its group\'s threshold a value makes the criterion unmet, and a "met" claim is refused with the threshold quoted', async () => {
    const id = await open('P1-D1-C2');
    const before = await history(id);
    const refused = await income(id, true, 45);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('45 chưa đạt ngưỡng ≥ 50 của Vùng 2');
    expect(refused.body.errors?.map((e) => e.location)).toEqual(['body.indicators.0.met', 'body.met']);
    expect(await history(id)).toBe(before);

    expect((await income(id, false, 45)).status).toBe(200);
    // A department appraising C3 reads the value, the threshold, the computed result and the commune's claim.
    const department = await h.callAs({ username: 'so-xay-dung', grants: [{ role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' }] });
    const seen = await criterion(department, id, 'C3');
    expect(seen).toMatchObject({ computed: 'not_met', selfAssessment: { met: false } });
    expect(seen?.indicators.map((i) => [i.code, i.value, i.thresholdText, i.computed, i.claimedMet])).toEqual([
      ['3.1', 45, '≥ 50', 'not_met', false],
      ['3.2', null, 'chưa có ngưỡng', 'undetermined', null],
    ]);
  });

  it('the same value passes in a unit of a group whose threshold it reaches', async () => {
    const id = await open('P1-D1-C1');
    expect((await income(id, true, 45)).status).toBe(200);
    const c3 = await criterion(call, id, 'C3');
    expect(c3?.indicators[0]).toMatchObject({ value: 45, thresholdText: '≥ 40', computed: 'met', claimedMet: true });
    // 3.2 has no threshold: the criterion is left to the assessor, and the commune's "met" is kept.
    expect(c3).toMatchObject({ computed: 'undetermined', selfAssessment: { met: true } });
  });

  it('an especially disadvantaged commune outside the northern mountains is judged on the northern midlands and mountains column', async () => {
    const id = await open('P1-D1-C3');
    const view = (await call('GET', `/dossiers/${id}`)).body;
    expect(view.thresholdGroup).toEqual({ code: 'R1', name: 'Vùng 1' });
    expect((await income(id, true, 45)).status).toBe(200);
    expect((await criterion(call, id, 'C3'))?.indicators[0]).toMatchObject({ thresholdText: '≥ 40', computed: 'met' });
  });

  it('refuses an indicator the criterion does not have, naming it, and a value of the wrong kind; nothing is stored', async () => {
    const dossier = (await h.db.dossier.findFirstOrThrow({ where: { unitCode: 'P1-D1-C1' } })).id;
    const before = await history(dossier);
    const unknown = await income(dossier, true, 45, '9.9');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ location: 'body.indicators.0.indicatorCode', message: 'Tiêu chí "C3" không có chỉ tiêu "9.9".' }]);
    const wrongKind = await income(dossier, true, true);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors?.map((e) => e.location)).toEqual(['body.indicators.0.value']);
    expect(await history(dossier)).toBe(before);
  });
});
