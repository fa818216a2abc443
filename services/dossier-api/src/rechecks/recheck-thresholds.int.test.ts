import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { ok, openCampaign } from './recheck-test-support.js';

const config = testConfig();

type Criterion = { code: string; met: boolean | null; change: string; computed: string; indicators: Array<{ code: string; value: unknown; thresholdText: string; computed: string; claimedMet: boolean | null }> };

/**
 * The test set's criterion C3 ("Thu nhập") has indicator 3.1, a minimum of 40 in region R1 (Sơn
 * Bình) and 50 in R2 (Giang Ma): a re-assessment's values are judged on those thresholds by the
 * same rule as a dossier's self-assessment.
 */
describe('a re-assessment\'s indicator values judged against the thresholds of the unit\'s group, through the API', () => {
  let h: DossierHarness;
  let rechecks: Map<string, string>;

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    for (const [i, unit] of ['P1-D1-C1', 'P1-D1-C2'].entries()) {
      await ok(h.call, 'POST', '/provinces/P1/registered-recognitions', { unitCode: unit, trackCode: 'T-NTM', year: 2024, decisionNumber: `${700 + i}/QĐ-UBND`, signedOn: '2024-12-20', signer: 'Người ký thử' });
    }
    rechecks = await openCampaign(h, 'P1', 'T-NTM', 2026);
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  const income = (unit: string, met: boolean, value: unknown, indicatorCode = '3.1') =>
    h.call('PUT', `/rechecks/${rechecks.get(unit) ?? ''}/criteria/C3/self-assessment`, { commandId: randomUUID(), met, explanation: 'Thu nhập theo báo cáo thống kê năm nay.', indicators: [{ indicatorCode, met, value }] });
  const view = (unit: string) => ok(h.call, 'GET', `/rechecks/${rechecks.get(unit) ?? ''}`);
  const c3 = async (unit: string) => ((await view(unit)).criteria as Criterion[]).find((c) => c.code === 'C3');

  it('refuses a "met" that a value below the group\'s threshold belies, quoting the threshold, and records nothing', async () => {
    const before = ((await view('P1-D1-C2')).history as unknown[]).length;
    const refused = await income('P1-D1-C2', true, 45);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('45 chưa đạt ngưỡng ≥ 50 của Vùng 2');
    expect(refused.body.errors?.map((e) => e.location)).toEqual(['body.indicators.0.met', 'body.met']);
    expect(((await view('P1-D1-C2')).history as unknown[]).length).toBe(before);
    expect(await c3('P1-D1-C2')).toMatchObject({ met: null, change: 'carried_over' });

    expect((await income('P1-D1-C2', false, 45)).body).toEqual({ criterionCode: 'C3', change: 'new' });
    // The department re-appraising C3 reads the value, the threshold, what it computes to and the unit's claim.
    const department = await h.callAs({ username: 'so-xay-dung', grants: [{ role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' }] });
    const seen = ((await ok(department, 'GET', `/rechecks/${rechecks.get('P1-D1-C2') ?? ''}`)).criteria as Criterion[]).find((c) => c.code === 'C3');
    expect(seen).toMatchObject({ met: false, computed: 'not_met' });
    expect(seen?.indicators.map((i) => [i.code, i.value, i.thresholdText, i.computed, i.claimedMet])).toEqual([['3.1', 45, '≥ 50', 'not_met', false]]);
  });

  it('accepts the same value in a unit of the group whose threshold it reaches, and refuses "not met" there', async () => {
    const contradicting = await income('P1-D1-C1', false, 45);
    expect(contradicting.status).toBe(422);
    expect(contradicting.body.errors?.map((e) => e.location)).toEqual(['body.indicators.0.met', 'body.met']);
    expect((await income('P1-D1-C1', true, 45)).status).toBe(200);
    expect(await c3('P1-D1-C1')).toMatchObject({ met: true, computed: 'met', indicators: [expect.objectContaining({ value: 45, thresholdText: '≥ 40', computed: 'met', claimedMet: true })] });
  });

  it('refuses an indicator the criterion does not have, naming it, and a value of the wrong kind, as for a dossier', async () => {
    const unknown = await income('P1-D1-C1', true, 45, '9.9');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ location: 'body.indicators.0.indicatorCode', message: 'Tiêu chí "C3" không có chỉ tiêu "9.9".' }]);
    const wrongKind = await income('P1-D1-C1', true, true);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors?.map((e) => e.location)).toEqual(['body.indicators.0.value']);
    expect(await c3('P1-D1-C1')).toMatchObject({ indicators: [expect.objectContaining({ value: 45 })] });
  });
});
