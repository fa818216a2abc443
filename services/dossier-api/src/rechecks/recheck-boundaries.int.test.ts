import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { ok, openCampaign, reappraise } from './recheck-test-support.js';

const config = testConfig();
const seed = (file: string): unknown => JSON.parse(readFileSync(join(seedCatalogDir, file), 'utf8'));
const codes = (...numbers: number[]) => numbers.map((n) => `TC${String(n).padStart(2, '0')}`);

// Quyết định 18/2022/QĐ-TTg on the national 19-criterion commune set (key: TC10 Thu nhập, TC17
// Môi trường và an toàn thực phẩm, TC19 Quốc phòng và An ninh), as assessMaintenance applies it:
// 6/19 = 31.6% with a key criterion and 10/19 = 52.6% are revocation; 5/19 = 26.3% with a key
// criterion and 6/19 without one are at risk.
const cases = [
  { unit: '105-03409', unmet: codes(10, 1, 2, 3, 4, 5), stage: 'revocation_proposed', outcome: 'revocation_proposed', ground: 'thirty_percent_with_key_unmet' },
  { unit: '105-03403', unmet: codes(1, 2, 3, 4, 5, 6, 7, 8, 9, 11), stage: 'revocation_proposed', outcome: 'revocation_proposed', ground: 'half_or_more_unmet' },
  { unit: '106-03413', unmet: codes(10, 1, 2, 3, 4), stage: 'remediation', outcome: 'at_risk', ground: null },
  { unit: '106-03405', unmet: codes(1, 2, 3, 4, 5, 6), stage: 'remediation', outcome: 'at_risk', ground: null },
] as const;

describe('the revocation boundaries of a 19-criterion set, through the HTTP API (Lai Châu seed catalog, real Temporal and PostgreSQL)', () => {
  let h: DossierHarness;
  let rechecks: Map<string, string>;

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    // Recognised in 2024 by decisions issued before the system, registered so they join the 2026 campaign.
    for (const [i, { unit }] of cases.entries()) {
      await ok(h.call, 'POST', '/provinces/12/registered-recognitions', { unitCode: unit, trackCode: 'COMMUNE_NTM', year: 2024, decisionNumber: `${900 + i}/QĐ-UBND`, signedOn: '2024-12-20', signer: 'Người ký thử' });
    }
    rechecks = await openCampaign(h, '12', 'COMMUNE_NTM', 2026);
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('needs every criterion re-assessed when the recognition carries no values from before the system', async () => {
    const id = rechecks.get('105-03409') ?? '';
    const res = await h.call('POST', `/rechecks/${id}/submit`, { commandId: randomUUID() });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(19);
  });

  it('decides each case as Quyết định 18/2022 does: 6 unmet with a key and 10 unmet are revocation, 5 unmet with a key and 6 without are at risk', async () => {
    const results = await Promise.all(
      cases.map(async ({ unit, unmet }) => {
        const id = rechecks.get(unit) ?? '';
        for (const c of codes(...Array.from({ length: 19 }, (_, i) => i + 1))) {
          await ok(h.call, 'PUT', `/rechecks/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đơn vị tự rà soát: đạt.' });
        }
        await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() });
        return reappraise(h.call, id, new Set<string>(unmet));
      }),
    );
    expect(results.map((v) => ({ unit: v.unitCode, stage: v.stage, outcome: v.outcome, ground: (v.assessment as { ground: string | null }).ground, unmet: (v.assessment as { unmetCount: number }).unmetCount }))).toEqual(
      cases.map((c) => ({ unit: c.unit, stage: c.stage, outcome: c.outcome, ground: c.ground, unmet: c.unmet.length })),
    );
    const campaign = await ok(h.call, 'GET', '/provinces/12/campaigns/2026?track=COMMUNE_NTM');
    expect(campaign.counts).toMatchObject({ revocation_proposed: 2, at_risk: 2 });
  }, 180_000);

  it('lets the province keep a recognition proposed for revocation, with reasons; the unit keeps its standing', async () => {
    const id = rechecks.get('105-03409') ?? '';
    const kept = await ok(h.call, 'POST', `/rechecks/${id}/decision`, { commandId: randomUUID(), outcome: 'keep', reasons: 'Thu nhập giảm do thiên tai năm 2025; tỉnh hỗ trợ khôi phục sản xuất.' });
    expect(kept).toMatchObject({ stage: 'closed', outcome: 'kept' });
    expect((await ok(h.call, 'GET', `/rechecks/${id}`)).decision).toMatchObject({ outcome: 'kept', number: null, reasons: expect.stringContaining('thiên tai') });
    const unit = await ok(h.call, 'GET', '/catalog/units/105-03409');
    expect(unit.recognitions).toEqual([expect.objectContaining({ status: 'active', revokedOn: null })]);
  });
});
