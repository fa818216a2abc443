// Records the Temporal history of one village dossier on Lai Châu's village chain (the village
// submits, the commune returns it, verifies it, the district's office asks for a supplementation,
// the commune verifies again, the district decides) into workflows/src/workflows/dossier/histories/,
// for the replay test. Needs the running test stack (./dev test --keep); starts nothing:
//   NTM_STATE_DIR=… pnpm --filter @ntm/tests exec tsx scripts/record-village-history.ts [name]
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { dossierWorkflowId, SystemStage } from '@ntm/contracts';
import { seedCatalogDir } from '@ntm/db/seed';
import { meetSubmissionConditions, startDossierHarness } from '@ntm/dossier-api/test-harness';
import { loadConfig } from '@ntm/config';
import { stackEnvDefaults } from '@ntm/infra/stack';

const name = process.argv[2] ?? 'dossier-village-verification';
const seed = (file: string) => JSON.parse(readFileSync(join(seedCatalogDir, file), 'utf8')) as { province: unknown };
const laiChau = seed('lai-chau.json');
// An invented village of Pha Mu: the seed catalog names none.
const village = { format: 'ntm-catalog/1', province: laiChau.province, units: [{ code: '110-03628-B01', name: 'Bản Thử Nghiệm', level: 'village', parentCode: '110-03628', validFrom: '2020-01-01', validTo: null, groupings: {} }] };
const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
const h = await startDossierHarness(config, [seed('national.json'), laiChau, village]);
h.openOn('2025-03-10');
const { call } = h;
const cmd = () => ({ commandId: randomUUID() });
const ok = async (p: ReturnType<typeof call>) => {
  const r = await p;
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const id = randomUUID();
await ok(call('POST', '/dossiers', { commandId: id, unitCode: '110-03628-B01', trackCode: 'VILLAGE_NTM', year: 2025 }));
const criteria = Array.from({ length: 15 }, (_, i) => `TC${String(i + 1).padStart(2, '0')}`);
for (const c of criteria) await ok(call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { ...cmd(), met: true, explanation: 'Đạt.' }));
for (const d of ['TO_TRINH', 'BAO_CAO', 'BIEN_BAN_HOP', 'DANH_GIA_HAI_LONG']) await ok(call('PUT', `/dossiers/${id}/documents/${d}`, { ...cmd(), evidenceId: await h.addEvidence(id) }));
await meetSubmissionConditions(call, id);
await ok(call('POST', `/dossiers/${id}/submit`, cmd()));
await ok(call('POST', `/dossiers/${id}/commune-verification`, { ...cmd(), decision: 'return', reasons: 'Thiếu chữ ký.' }));
await ok(call('POST', `/dossiers/${id}/submit`, cmd()));
await ok(call('POST', `/dossiers/${id}/commune-verification`, { ...cmd(), decision: 'confirm' }));
const appraise = (c: string, verdict = 'met', reason: string | null = null) => ok(call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { ...cmd(), departmentCode: '110-PNNPTNT', verdict, reason }));
for (const c of criteria) await appraise(c, c === 'TC03' ? 'needs_supplementation' : 'met', c === 'TC03' ? 'Bổ sung ảnh.' : null);
await ok(call('PUT', `/dossiers/${id}/criteria/TC03/self-assessment`, { ...cmd(), met: true, explanation: 'Đã bổ sung.' }));
await ok(call('POST', `/dossiers/${id}/submit`, cmd()));
await ok(call('POST', `/dossiers/${id}/commune-verification`, { ...cmd(), decision: 'confirm' }));
await appraise('TC03');
const decided = await ok(call('POST', `/dossiers/${id}/decision`, { ...cmd(), outcome: 'recognise', number: '120/QĐ-UBND', date: '2025-05-20', effectiveDate: '2025-05-20', signer: 'Người ký thử' }));
if (decided.stage !== SystemStage.recognised) throw new Error(`unexpected outcome: ${JSON.stringify(decided)}`);

const handle = h.temporal.workflow.getHandle(dossierWorkflowId(id));
await handle.result();
const file = join(import.meta.dirname, '..', '..', 'workflows', 'src', 'workflows', 'dossier', 'histories', `${name}.json`);
writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
console.log(`history of ${dossierWorkflowId(id)} written to ${file}`);
await h.close();
