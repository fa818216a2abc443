import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { bringToDecision, startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { expectOutcome, ok, openCampaign, reappraise } from './recheck-test-support.js';

const config = testConfig();

describe('the yearly re-check of a recognised commune through the HTTP API (real Temporal, PostgreSQL, MinIO)', () => {
  let h: DossierHarness;
  let rechecks: Map<string, string>;
  const recognitionOf: Record<string, string> = {};

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    // Two communes recognised through the process in 2026; the 2027 campaign re-checks both.
    for (const [unit, number] of [['P1-D1-C1', '101/QĐ-UBND'], ['P1-D1-C2', '102/QĐ-UBND']] as const) {
      const id = await bringToDecision(h, unit);
      const decided = await ok(h.call, 'POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
      recognitionOf[unit] = decided.decisionId as string;
    }
    rechecks = await openCampaign(h, 'P1', 'T-NTM', 2027);
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('carries last year’s values over, marks what changed, and records a maintained unit with nothing else changed', async () => {
    const id = rechecks.get('P1-D1-C1') ?? '';
    const opened = await ok(h.call, 'GET', `/rechecks/${id}`);
    expect(opened).toMatchObject({ stage: 'self_assessment', outcome: null, criteriaSetCode: 'SET-A' });
    expect((opened.criteria as Array<{ code: string; change: string; lastMet: boolean; isKey: boolean }>).map((c) => [c.code, c.change, c.lastMet, c.isKey])).toEqual([
      ['C1', 'carried_over', true, false],
      ['C2', 'carried_over', true, false],
      ['C3', 'carried_over', true, true],
    ]);
    const same = await ok(h.call, 'PUT', `/rechecks/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Vẫn đạt.' });
    expect(same).toEqual({ criterionCode: 'C1', change: 'unchanged' });
    const evidence = await ok(h.call, 'PUT', `/rechecks/${id}/criteria/C2/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt, có minh chứng mới.', evidenceIds: [randomUUID()] });
    expect(evidence.change).toBe('changed');
    expect(await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() })).toEqual({ stage: 'appraisal', carriedOver: ['C3'] });

    const view = await reappraise(h.call, id, new Set());
    expectOutcome(view, 'closed', 'maintained');
    expect(view.assessment).toMatchObject({ outcome: 'maintained', unmetCount: 0, total: 3 });
    expect((view.history as Array<{ type: string }>).map((e) => e.type)).toEqual(expect.arrayContaining(['recheck.opened', 'recheck.submitted', 'recheck.assessed']));
    const unit = await ok(h.call, 'GET', '/catalog/units/P1-D1-C1');
    expect(unit.recognitions).toEqual([expect.objectContaining({ trackCode: 'T-NTM', status: 'active' })]);
    const campaign = await ok(h.call, 'GET', '/provinces/P1/campaigns/2027?track=T-NTM');
    expect((campaign.counts as Record<string, number>).maintained).toBe(1);
  }, 60_000);

  it('answers a department outside the assignment 403 and a command out of its step 409, in Vietnamese', async () => {
    const id = rechecks.get('P1-D1-C1') ?? '';
    const late = await h.call('PUT', `/rechecks/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('đã kết thúc');
    const sgt = await h.callAs({ username: 'so-gtvt', grants: [{ role: 'department_officer', unitCode: 'P1', departmentCode: 'SGT' }] });
    const other = await sgt('PUT', `/rechecks/${id}/criteria/C1/appraisal`, { commandId: randomUUID(), departmentCode: 'SGT', verdict: 'met', reason: null });
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('không được giao cho SGT');
  });
});
