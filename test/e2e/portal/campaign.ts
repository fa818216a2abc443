import { randomUUID } from 'node:crypto';
import { apiAs } from './api.js';
import { departmentUser } from './session.js';
import type { PortalStack } from './stack.js';

type Recheck = { criteria: Array<{ code: string }>; tasks: Array<{ departmentCode: string; criterionCodes: string[]; closedAt: string | null }> };

/**
 * Registers each unit's recognition (a 2024 decision) as the provincial office, runs the year's
 * missed campaign of the commune track and answers each unit's re-check id once its workflow has
 * opened it (as services/dossier-api/src/rechecks/recheck-test-support.ts does, over HTTP).
 */
export async function campaignThroughApi(stack: PortalStack, units: readonly string[], year: number): Promise<Map<string, string>> {
  const office = await apiAs(stack, 'tinh.vpdp');
  for (const [i, unitCode] of units.entries()) {
    await office('POST', '/provinces/12/registered-recognitions', { unitCode, trackCode: 'COMMUNE_NTM', year: year - 1, decisionNumber: `${900 + i}/QĐ-UBND`, signedOn: `${year - 1}-12-20`, signer: 'Nguyễn Văn Thử', signerTitle: 'Phó Chủ tịch' });
  }
  await office('POST', '/provinces/12/campaigns', { trackCode: 'COMMUNE_NTM', year });
  for (let i = 0; i < 300; i++) {
    const items = (await office('GET', `/provinces/12/campaigns/${year}?track=COMMUNE_NTM&pageSize=500`)).body.items as Array<{ recheckId: string; unitCode: string; stage: string }>;
    if (items.length === units.length && items.every((r) => r.stage !== 'pending')) {
      const opened = await Promise.all(items.map((r) => office('GET', `/rechecks/${r.recheckId}`).then(() => true, () => false)));
      if (opened.every(Boolean)) return new Map(items.map((r) => [r.unitCode, r.recheckId]));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the ${year} campaign started no re-check`);
}

/** The commune officer re-assesses every criterion as met and submits. */
export async function reassessedThroughApi(stack: PortalStack, username: string, recheckId: string): Promise<void> {
  const commune = await apiAs(stack, username);
  const view = (await commune('GET', `/rechecks/${recheckId}`)).body as Recheck;
  for (const c of view.criteria) await commune('PUT', `/rechecks/${recheckId}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đơn vị tự rà soát: vẫn đạt.' });
  await commune('POST', `/rechecks/${recheckId}/submit`, { commandId: randomUUID() });
}

/** Each department with an open re-appraisal task records every criterion of it met. */
export async function reappraisedThroughApi(stack: PortalStack, recheckId: string): Promise<void> {
  const office = await apiAs(stack, 'tinh.vpdp');
  const view = (await office('GET', `/rechecks/${recheckId}`)).body as Recheck;
  for (const t of view.tasks.filter((task) => task.closedAt === null)) {
    const department = await apiAs(stack, departmentUser(t.departmentCode));
    for (const c of t.criterionCodes) await department('PUT', `/rechecks/${recheckId}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null });
  }
}
