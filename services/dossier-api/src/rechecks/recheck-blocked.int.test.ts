import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { ok } from './recheck-test-support.js';

const config = testConfig();

// Province P1 with no department assigned to re-appraise C2 ("Giao thông").
function catalog() {
  const province = provinceFixture();
  return { ...province, assignments: (province.assignments ?? []).filter((a) => a.criterionCode !== 'C2') };
}

type Item = { recheckId: string; unitCode: string; bucket: string; stage: string; unassignedCriterionCodes: string[] };

describe('a re-check of a unit whose criteria are not all assigned to a department, through the HTTP API (real Temporal, PostgreSQL)', () => {
  let h: DossierHarness;
  let item: Item;

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), catalog()]);
    await ok(h.call, 'POST', '/provinces/P1/registered-recognitions', { unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2024, decisionNumber: '700/QĐ-UBND', signedOn: '2024-12-20', signer: 'Người ký thử' });
    await ok(h.call, 'POST', '/provinces/P1/campaigns', { trackCode: 'T-NTM', year: 2027 });
    for (let i = 0; i < 150; i++) {
      const view = await ok(h.call, 'GET', '/provinces/P1/campaigns/2027?track=T-NTM');
      const found = (view.items as Item[])[0];
      if (found?.bucket === 'blocked') {
        item = found;
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the re-check never stood blocked');
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('lists the re-check as blocked in the campaign view, naming the unassigned criteria, and counts it apart', async () => {
    expect(item).toMatchObject({ unitCode: 'P1-D1-C1', bucket: 'blocked', stage: 'blocked', unassignedCriterionCodes: ['C2'] });
    const view = await ok(h.call, 'GET', '/provinces/P1/campaigns/2027?track=T-NTM');
    expect(view.counts).toMatchObject({ blocked: 1, pending: 0, in_progress: 0, overdue: 0 });
    expect((await ok(h.call, 'GET', '/provinces/P1/campaigns/2027?bucket=blocked')).total).toBe(1);
  });

  it('records why in the re-check\'s history and the audit trail, once, and the workflow waits rather than failing', async () => {
    const events = await h.db.recheckEvent.findMany({ where: { recheckId: item.recheckId } });
    expect(events.map((e) => [e.type, e.toStage, e.payload])).toEqual([['recheck.blocked', 'blocked', { criteriaSetCode: 'SET-A', unassigned: ['C2'] }]]);
    expect(await h.db.auditEvent.count({ where: { command: 'recheck.blocked', unitCode: 'P1-D1-C1' } })).toBe(1);
    const described = await h.temporal.workflow.getHandle(`recheck/P1/T-NTM/2027/P1-D1-C1@${h.scope}`).describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.searchAttributes).toMatchObject({ NtmStage: ['blocked'] });
  });

  it('answers the unit 409 in Vietnamese while it is blocked', async () => {
    const res = await h.call('PUT', `/rechecks/${item.recheckId}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('chưa phân công sở/phòng thẩm định lại mọi tiêu chí');
  });
});
