// Registers N recognised communes (default 5,000) through the registered-recognitions CSV, triggers
// their province's re-check campaign schedule and prints: the time to register them, the time until
// every re-check workflow is running, the peak memory of this process (the worker and the API run
// in it) and of the Temporal server, and the campaign view's latency. Against the test stack.
// Usage: pnpm bench:recheck [units]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@ntm/config';
import { seedCatalogDir } from '@ntm/db/seed';
import { vietnamDay } from '@ntm/domain';
import { startDossierHarness } from '@ntm/dossier-api/test-harness';
import { stackPaths } from '@ntm/infra/paths';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });

const count = Number(process.argv[2] ?? 5000);
const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
await startStack(config, { apps: false, report: () => undefined });

const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;
const units = Array.from({ length: count }, (_, i) => ({
  code: `110-RC${String(i + 1).padStart(5, '0')}`,
  name: `Xã rà soát ${i + 1}`,
  level: 'commune',
  parentCode: '110',
  validFrom: '2015-01-01',
  groupings: { 'XA-NTM-2021-2025': 'TDMNPB' },
}));
const province = (seed('lai-chau.json') as { province: unknown }).province;
const h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json'), { format: 'ntm-catalog/1', province, units }]);
const authorization = await h.authorizationOf(h.stepUser);

// Peak memory, sampled every 250 ms: this process (worker + API) and the Temporal server.
const temporalPid = readFileSync(stackPaths(config).pid('temporal'), 'utf8').trim();
const rssOf = (pid: string) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const peak = { self: 0, temporal: 0 };
const sampler = setInterval(() => {
  peak.self = Math.max(peak.self, process.memoryUsage().rss);
  peak.temporal = Math.max(peak.temporal, rssOf(temporalPid));
}, 250);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const csv = ['unit_code,track_code,year,decision_number,signed_on,signer,signer_title', ...units.map((u, i) => `${u.code},COMMUNE_NTM,2019,${i + 1}/QĐ-UBND,2019-12-20,Người ký,Chủ tịch`)].join('\n');
let t = performance.now();
const registered = await h.app.inject({ method: 'POST', url: '/provinces/12/registered-recognitions/csv', payload: csv, headers: { authorization, 'content-type': 'text/csv' } });
if (registered.statusCode !== 200) throw new Error(`registration failed: ${registered.statusCode} ${registered.body.slice(0, 500)}`);
const registerMs = performance.now() - t;

const saved = await h.call('PUT', '/provinces/12/maintenance-calendars/COMMUNE_NTM', {});
const scheduleId = String(saved.body.scheduleId);
t = performance.now();
if ((await h.call('POST', '/provinces/12/campaign-schedules/COMMUNE_NTM/trigger', {})).status !== 200) throw new Error('trigger refused');
const deadline = Date.now() + 30 * 60_000;
let started = 0;
let firstStartMs = 0;
while (Date.now() < deadline) {
  started = await h.db.recheck.count({ where: { provinceCode: '12', stage: { not: 'pending' } } });
  if (started > 0 && firstStartMs === 0) firstStartMs = performance.now() - t;
  if (started >= count) break;
  await new Promise((r) => setTimeout(r, 500));
}
const allRunningMs = performance.now() - t;
const year = Number(vietnamDay(Date.now()).slice(0, 4));
// Each figure is printed as soon as it is known: a run this long should not lose them to a later failure.
console.log(`${count} recognised communes registered from one CSV in ${(registerMs / 1000).toFixed(1)} s`);
console.log(`trigger → first re-check running: ${(firstStartMs / 1000).toFixed(1)} s; → all ${started}/${count} running: ${(allRunningMs / 1000).toFixed(1)} s (${(started / (allRunningMs / 1000)).toFixed(1)} starts/s)`);
// The campaign can outlast the access token signed in with at the start.
const viewAuthorization = await h.authorizationOf(h.stepUser);

const latencies: number[] = [];
for (let i = 0; i < 40; i++) {
  const s = performance.now();
  const res = await h.app.inject({ method: 'GET', url: `/provinces/12/campaigns/${year}?pageSize=100`, headers: { authorization: viewAuthorization } });
  if (res.statusCode !== 200) throw new Error(`campaign view: ${res.statusCode}`);
  latencies.push(performance.now() - s);
}
clearInterval(sampler);
latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(0);

console.log(`peak memory: worker + API process ${mb(peak.self)}, Temporal dev server ${mb(peak.temporal)}`);
console.log(`campaign view (${count} re-checks, page of 100), 40 requests: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);

// Leave the shared test server as it was: the schedule and the running re-checks go.
await h.temporal.schedule.getHandle(scheduleId).delete();
const taskQueue = scheduleId.split('@')[1] ?? '';
await h.temporal.workflowService.startBatchOperation({
  namespace: config.temporal.namespace,
  jobId: `bench-cleanup-${taskQueue}`,
  reason: 'benchmark over',
  visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
  terminationOperation: {},
});
await h.close();
