import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture, villageFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { expectOutcome, ok, openCampaign, reappraise } from './recheck-test-support.js';

const config = testConfig();

describe('the re-check of a village: the district decides on a proposed revocation (real Temporal, PostgreSQL, MinIO)', () => {
  let h: DossierHarness;
  let id = '';

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture(), villageFixture()]);
    await ok(h.call, 'POST', '/provinces/P1/registered-recognitions', { unitCode: 'P1-D1-C1-B1', trackCode: 'T-THON', year: 2024, decisionNumber: '55/QĐ-UBND', signedOn: '2024-12-20', signer: 'Người ký thử' });
    id = (await openCampaign(h, 'P1', 'T-THON', 2026)).get('P1-D1-C1-B1') ?? '';
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('is re-appraised by the district office and revoked by the district, not the province', async () => {
    for (const c of ['V1', 'V2']) await ok(h.call, 'PUT', `/rechecks/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Thôn tự rà soát: đạt.' });
    await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() });
    const proposed = await reappraise(h.call, id, new Set(['V1', 'V2']));
    expectOutcome(proposed, 'revocation_proposed', 'revocation_proposed');
    expect((proposed.tasks as Array<{ departmentCode: string }>).map((t) => t.departmentCode)).toEqual(['PKT']);

    const decision = { commandId: randomUUID(), outcome: 'revoke', number: '77/QĐ-UBND', date: '2026-12-01', effectiveDate: '2026-12-01', signer: 'Người ký thử', reasons: 'Thôn không còn đạt các tiêu chí.' };
    const province = await h.callAs({ username: 'tinh-thu', grants: [{ role: 'provincial_office', unitCode: 'P1', departmentCode: null }] });
    const refused = await province('POST', `/rechecks/${id}/decision`, decision);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('Ủy ban nhân dân cấp huyện');
    const district = await h.callAs({ username: 'huyen-mot', grants: [{ role: 'district_officer', unitCode: 'P1-D1', departmentCode: null }] });
    const revoked = await district('POST', `/rechecks/${id}/decision`, decision);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const view = await ok(h.call, 'GET', `/rechecks/${id}`);
    expect(view.decision).toMatchObject({ outcome: 'revoked', number: '77/QĐ-UBND', pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const unit = await ok(h.call, 'GET', '/catalog/units/P1-D1-C1-B1');
    expect(unit.recognitions).toEqual([expect.objectContaining({ trackCode: 'T-THON', status: 'revoked', revokedOn: '2026-12-01' })]);
  }, 60_000);
});
