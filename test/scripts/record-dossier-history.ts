// Records the Temporal history of one dossier that passes every stage (supplementation, a district
// return, a recognition) into workflows/src/workflows/dossier/histories/, for the replay test.
// Run after changing the workflow on purpose, with `patched()` guarding the change:
//   pnpm --filter @ntm/tests exec tsx scripts/record-dossier-history.ts <name>
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { loadConfig } from '@ntm/config';
import { dossierWorkflowId, SystemStage } from '@ntm/contracts';
import { meetSubmissionConditions, startDossierHarness } from '@ntm/dossier-api/test-harness';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';

const name = process.argv[2] ?? 'dossier-all-stages';
const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
await startStack(config, { apps: false, report: () => undefined });
const h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
const { call } = h;
const cmd = () => ({ commandId: randomUUID() });

const id = randomUUID();
await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 });
for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { ...cmd(), met: true, explanation: 'Đạt.' });
await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { ...cmd(), evidenceId: await h.addEvidence(id) });
await meetSubmissionConditions(call, id);
await call('POST', `/dossiers/${id}/submit`, cmd());
const appraise = (c: string, d: string, verdict = 'met', reason: string | null = null) =>
  call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { ...cmd(), departmentCode: d, verdict, reason });
await appraise('C1', 'SXD');
await appraise('C3', 'SXD', 'needs_supplementation', 'Thiếu biên bản.');
await appraise('C2', 'SGT');
await appraise('C3', 'SGT');
await call('PUT', `/dossiers/${id}/criteria/C3/self-assessment`, { ...cmd(), met: true, explanation: 'Đã bổ sung.' });
await call('POST', `/dossiers/${id}/submit`, cmd());
await appraise('C3', 'SXD');
await appraise('C3', 'SGT');
await call('POST', `/dossiers/${id}/district-confirmation`, { ...cmd(), decision: 'return', reasons: 'Rà soát lại.' });
await call('POST', `/dossiers/${id}/submit`, cmd());
for (const [c, d] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']]) await appraise(c ?? '', d ?? '');
await call('POST', `/dossiers/${id}/district-confirmation`, { ...cmd(), decision: 'confirm', reasons: null });
const decided = await call('POST', `/dossiers/${id}/decision`, { ...cmd(), outcome: 'recognise', number: '1/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
if (decided.body.stage !== SystemStage.recognised) throw new Error(`unexpected outcome: ${JSON.stringify(decided.body)}`);

const handle = h.temporal.workflow.getHandle(dossierWorkflowId(id));
await handle.result();
const file = join(import.meta.dirname, '..', '..', 'workflows', 'src', 'workflows', 'dossier', 'histories', `${name}.json`);
writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
console.log(`history of ${dossierWorkflowId(id)} written to ${file}`);
await h.close();
