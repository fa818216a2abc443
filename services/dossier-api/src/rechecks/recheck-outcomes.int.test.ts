import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { readRecognitions } from '../reports/report-data.js';
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
    const evidence = await ok(h.call, 'PUT', `/rechecks/${id}/criteria/C2/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt, có minh chứng mới.', evidenceIds: [await h.addEvidence(id, 'rechecks')] });
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
    expect((await sgt('GET', '/recheck-appraisal-tasks?department=SXD')).status).toBe(403);
    const own = await sgt('GET', '/recheck-appraisal-tasks?department=SGT&open=false');
    expect((own.body.items as Array<{ recheckId: string; criterionCodes: string[] }>).filter((t) => t.recheckId === id)).toEqual([expect.objectContaining({ criterionCodes: ['C2', 'C3'] })]);
  });

  it('proposes revocation when half the criteria are unmet; the province revokes with a decision PDF, and the unit loses its standing and leaves later campaigns', async () => {
    const id = rechecks.get('P1-D1-C2') ?? '';
    expect(await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() })).toEqual({ stage: 'appraisal', carriedOver: ['C1', 'C2', 'C3'] });
    const proposed = await reappraise(h.call, id, new Set(['C1', 'C3']));
    expectOutcome(proposed, 'revocation_proposed', 'revocation_proposed');
    expect(proposed.assessment).toMatchObject({ ground: 'half_or_more_unmet', unmetCodes: ['C1', 'C3'], unmetKeyCodes: ['C3'] });

    const decision = { commandId: randomUUID(), outcome: 'revoke', number: '201/QĐ-UBND', date: '2027-08-15', effectiveDate: '2027-08-15', signer: 'Người ký thử', reasons: 'Xã không còn đạt 2/3 tiêu chí, trong đó có tiêu chí Thu nhập.' };
    const commune = await h.callAs({ username: 'xa-giang-ma', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C2', departmentCode: null }] });
    const refused = await commune('POST', `/rechecks/${id}/decision`, decision);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('thu hồi quyết định công nhận');
    const revoked = await ok(h.call, 'POST', `/rechecks/${id}/decision`, decision);
    expect(revoked).toEqual({ stage: 'closed', outcome: 'revoked', decisionId: decision.commandId });
    // The same command again answers its first result.
    expect(await ok(h.call, 'POST', `/rechecks/${id}/decision`, decision)).toEqual(revoked);

    const view = await ok(h.call, 'GET', `/rechecks/${id}`);
    expect(view.decision).toMatchObject({ outcome: 'revoked', number: '201/QĐ-UBND', effectiveOn: '2027-08-15' });
    const pdf = await h.app.inject({ method: 'GET', url: `/rechecks/${id}/decision.pdf`, headers: { authorization: await h.authorizationOf(h.stepUser) } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const sha = createHash('sha256').update(pdf.rawPayload).digest('hex');
    expect(pdf.headers['x-content-sha256']).toBe(sha);
    expect((view.decision as { pdfSha256: string }).pdfSha256).toBe(sha);

    // The recognition's own verification page, the revocation decision's QR code and the unit all say so.
    const recognition = await h.app.inject({ method: 'GET', url: `/public/decisions/${recognitionOf['P1-D1-C2'] ?? ''}` });
    expect(recognition.json()).toMatchObject({ number: '102/QĐ-UBND', recognitionStatus: 'revoked', revokedOn: '2027-08-15', revocationNumber: '201/QĐ-UBND', kind: 'recognition' });
    const page = await h.app.inject({ method: 'GET', url: `/public/decisions/${decision.commandId}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Quyết định thu hồi quyết định công nhận');
    expect(page.body).toContain(sha);
    const unit = await ok(h.call, 'GET', '/catalog/units/P1-D1-C2');
    expect(unit.recognitions).toEqual([expect.objectContaining({ status: 'revoked', revokedOn: '2027-08-15', revocationDecisionId: decision.commandId })]);

    // The province's report reads the recognition as in force until the revocation's effective day.
    expect((await readRecognitions(h.db, 'P1')).find((r) => r.unitCode === 'P1-D1-C2')).toMatchObject({ from: '2026-11-20', revokedOn: '2027-08-15' });

    // The next year's campaign re-checks the commune that kept its standing only.
    const next = await openCampaign(h, 'P1', 'T-NTM', 2028);
    expect([...next.keys()]).toEqual(['P1-D1-C1']);
    rechecks = next;
  }, 90_000);

  it('puts a unit at risk, takes a remediation plan per unmet criterion, re-appraises only those and records it maintained once met again', async () => {
    const id = rechecks.get('P1-D1-C1') ?? '';
    // Last year's re-check is what carries over now.
    const opened = await ok(h.call, 'GET', `/rechecks/${id}`);
    expect((opened.criteria as Array<{ code: string; explanation: string }>).find((c) => c.code === 'C1')?.explanation).toBe('Vẫn đạt.');
    await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() });
    const atRisk = await reappraise(h.call, id, new Set(['C2']));
    expectOutcome(atRisk, 'remediation', 'at_risk');
    expect(atRisk.assessment).toMatchObject({ outcome: 'at_risk', ground: null, unmetCodes: ['C2'] });
    const due = atRisk.remediationDueDate as string;
    expect(due > '2026-12-01').toBe(true);

    const early = await h.call('POST', `/rechecks/${id}/reappraisal`, { commandId: randomUUID() });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ message: 'Tiêu chí "C2" chưa có kế hoạch khắc phục.' })]);
    const met = await h.call('PUT', `/rechecks/${id}/criteria/C1/remediation-plan`, { commandId: randomUUID(), action: 'Không cần.', responsible: 'UBND xã' });
    expect(met.status).toBe(422);
    const late = await h.call('PUT', `/rechecks/${id}/criteria/C2/remediation-plan`, { commandId: randomUUID(), action: 'Nâng cấp 2 km đường trục xã.', responsible: 'UBND xã', dueDate: '2099-01-01' });
    expect(late.status).toBe(422);
    expect(late.body.detail).toContain(`muộn hơn hạn khắc phục`);
    expect(await ok(h.call, 'PUT', `/rechecks/${id}/criteria/C2/remediation-plan`, { commandId: randomUUID(), action: 'Nâng cấp 2 km đường trục xã.', responsible: 'UBND xã' })).toEqual({ criterionCode: 'C2', dueDate: due });
    expect(await ok(h.call, 'POST', `/rechecks/${id}/reappraisal`, { commandId: randomUUID() })).toEqual({ stage: 'appraisal' });

    const round2 = (await ok(h.call, 'GET', `/rechecks/${id}`)).tasks as Array<{ round: number; departmentCode: string; criterionCodes: string[] }>;
    expect(round2.filter((t) => t.round === 2).map((t) => [t.departmentCode, t.criterionCodes])).toEqual([['SGT', ['C2']]]);
    const maintained = await reappraise(h.call, id, new Set());
    expectOutcome(maintained, 'closed', 'maintained');
    expect((maintained.criteria as Array<{ code: string; remediation: unknown }>).find((c) => c.code === 'C2')?.remediation).toEqual({ action: 'Nâng cấp 2 km đường trục xã.', responsible: 'UBND xã', dueDate: due });
  }, 60_000);
});
