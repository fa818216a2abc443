// Drives N dossiers (default 50) concurrently from creation to a recognition decision through
// the dossier API, against the test stack (started if needed), and prints the wall times.
// Usage: pnpm bench:dossiers [count] [concurrency]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@ntm/config';
import { seedCatalogDir } from '@ntm/db/seed';
import { meetSubmissionConditions, startDossierHarness, type Call } from '@ntm/dossier-api/test-harness';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });

const count = Number(process.argv[2] ?? 50);
const concurrency = Number(process.argv[3] ?? 10);
// One benchmark user uploads every file of every dossier: the per-person upload limits are for people.
const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults, NTM_UPLOAD_RATE_LIMIT: '10000', NTM_UPLOAD_RATE_LIMIT_PER_IP: '100000' });
await startStack(config, { apps: false, report: () => undefined });

const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;
// Benchmark communes under Than Uyên: one open dossier per unit, so each run needs its own units.
const units = Array.from({ length: count }, (_, i) => ({
  code: `110-BENCH${String(i + 1).padStart(3, '0')}`,
  name: `Xã thử tải ${i + 1}`,
  level: 'commune',
  parentCode: '110',
  validFrom: '2020-01-01',
  groupings: { 'XA-NTM-2021-2025': 'TDMNPB' },
}));
const province = (seed('lai-chau.json') as { province: unknown }).province;
const h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json'), { format: 'ntm-catalog/1', province, units }]);
// Dossiers opened before Lai Châu's two-tier reform (1 July 2025): every stage, the district's included.
h.openOn('2025-06-16');

/** Commands sent (every call but a read), retries not counted. */
let commands = 0;

/** As a person's client does: a 503 (the workflow did not answer in time) is sent again with the same command id. */
function retrying(call: Call): Call {
  return async (method, url, payload) => {
    if (method !== 'GET') commands++;
    for (let attempt = 1; ; attempt++) {
      const res = await call(method, url, payload);
      if (res.status !== 503 || attempt === 5) return res;
      console.log(`${method} ${url}: 503, sent again (attempt ${attempt + 1})`);
    }
  };
}

async function drive(send: Call, unitCode: string, n: number): Promise<number> {
  const call = retrying(send);
  const started = performance.now();
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`${unitCode} ${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const id = randomUUID();
  ok(await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year: 2025 }), 'create');
  const view = (await call('GET', `/dossiers/${id}`)).body as { criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
  for (const c of view.criteria) ok(await call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' }), 'assess');
  for (const d of view.documents) ok(await call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) }), 'attach');
  await meetSubmissionConditions(call, id);
  ok(await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() }), 'submit');
  const tasks = (await call('GET', `/dossiers/${id}`)).body.appraisalTasks as Array<{ departmentCode: string; criterionCodes: string[] }>;
  for (const t of tasks) {
    for (const c of t.criterionCodes) ok(await call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null }), 'appraise');
  }
  ok(await call('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null }), 'confirm');
  const number = `${9000 + n}/QĐ-UBND`;
  ok(await call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' }), 'decide');
  return performance.now() - started;
}

const started = performance.now();
const durations: number[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const n = next++;
      durations.push(await drive(h.call, units[n]?.code ?? '', n));
    }
  }),
);
const wall = performance.now() - started;
await h.close();

durations.sort((a, b) => a - b);
const pct = (p: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))] ?? 0);
console.log(`${count} dossiers, ${concurrency} at a time, each 19 criteria from creation to a recognition decision with its PDF`);
console.log(`wall time: ${(wall / 1000).toFixed(1)} s   per dossier: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms   throughput: ${(count / (wall / 1000)).toFixed(2)} dossiers/s`);
console.log(`commands: ${commands} (${(commands / count).toFixed(1)} a dossier), ${(commands / (wall / 1000)).toFixed(1)} commands/s`);
