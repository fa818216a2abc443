// Records the Temporal histories of two yearly re-checks into workflows/src/workflows/recheck/histories/,
// for the replay test: one at risk, remediated and maintained; one proposed for revocation and revoked
// with its decision PDF. Needs the running test stack (./dev test --keep); starts nothing:
//   NTM_STATE_DIR=… pnpm --filter @ntm/tests exec tsx scripts/record-recheck-history.ts [suffix]
// A suffix ("reminders") names new files beside the old ones, after a patched() change.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { campaignIds } from '@ntm/contracts';
import { bringToDecision, startDossierHarness } from '@ntm/dossier-api/test-harness';
import { loadConfig } from '@ntm/config';
import { stackEnvDefaults } from '@ntm/infra/stack';

const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
const h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const r = await h.call(method, url, payload);
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const cmd = () => ({ commandId: randomUUID() });

for (const [unit, number] of [['P1-D1-C1', '101/QĐ-UBND'], ['P1-D1-C2', '102/QĐ-UBND']] as const) {
  const id = await bringToDecision(h, unit);
  await ok('POST', `/dossiers/${id}/decision`, { ...cmd(), outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
}
await ok('POST', '/provinces/P1/campaigns', { trackCode: 'T-NTM', year: 2027 });
let items: Array<{ recheckId: string; unitCode: string; stage: string }> = [];
for (let i = 0; i < 100 && (items.length < 2 || items.some((r) => r.stage === 'pending')); i++) {
  await new Promise((r) => setTimeout(r, 300));
  items = (await ok('GET', '/provinces/P1/campaigns/2027?track=T-NTM')).items as typeof items;
}
await new Promise((r) => setTimeout(r, 2000));
const idOf = (unit: string) => items.find((r) => r.unitCode === unit)?.recheckId ?? '';
const appraise = async (id: string, verdicts: Array<[string, string, string]>) => {
  for (const [departmentCode, c, verdict] of verdicts) await ok('PUT', `/rechecks/${id}/criteria/${c}/appraisal`, { ...cmd(), departmentCode, verdict, reason: verdict === 'met' ? null : 'Chưa đạt.' });
};
const allMet = (unmet: string[]): Array<[string, string, string]> => ([['SXD', 'C1'], ['SXD', 'C3'], ['SGT', 'C2'], ['SGT', 'C3']] as const).map(([d, c]) => [d, c, unmet.includes(c) ? 'not_met' : 'met']);

const atRisk = idOf('P1-D1-C1');
await ok('PUT', `/rechecks/${atRisk}/criteria/C1/self-assessment`, { ...cmd(), met: true, explanation: 'Vẫn đạt.' });
await ok('POST', `/rechecks/${atRisk}/submit`, cmd());
await appraise(atRisk, allMet(['C2']));
await ok('PUT', `/rechecks/${atRisk}/criteria/C2/remediation-plan`, { ...cmd(), action: 'Nâng cấp đường trục xã.', responsible: 'UBND xã' });
await ok('POST', `/rechecks/${atRisk}/reappraisal`, cmd());
await appraise(atRisk, [['SGT', 'C2', 'met']]);

const revoked = idOf('P1-D1-C2');
await ok('POST', `/rechecks/${revoked}/submit`, cmd());
await appraise(revoked, allMet(['C1', 'C3']));
await ok('POST', `/rechecks/${revoked}/decision`, { ...cmd(), outcome: 'revoke', number: '201/QĐ-UBND', date: '2027-08-15', effectiveDate: '2027-08-15', signer: 'Người ký thử', reasons: 'Không còn đạt 2/3 tiêu chí.' });

const suffix = process.argv[2] ? `-${process.argv[2]}` : '';
for (const [unit, base] of [['P1-D1-C1', 'recheck-at-risk-remediated'], ['P1-D1-C2', 'recheck-revoked']] as const) {
  const name = `${base}${suffix}`;
  const handle = h.temporal.workflow.getHandle(campaignIds.recheckWorkflow('P1/T-NTM/2027', unit, h.scope));
  await handle.result();
  const file = join(import.meta.dirname, '..', '..', 'workflows', 'src', 'workflows', 'recheck', 'histories', `${name}.json`);
  writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
  console.log(`history of ${handle.workflowId} written to ${file}`);
}
await h.close();
