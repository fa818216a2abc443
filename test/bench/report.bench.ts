// Times the progress report in each format against the test stack (started if needed): a generated
// province of 300 communes and 3,000 villages with five years of quarterly status records, and a
// country of about 10,000 communes. Prints min/p50/p95/max per format, computed fresh (the data changed
// before each request) and repeated (served from the reports cached for the data's version), and the
// peak RSS during each series.
// Usage: pnpm bench:report [provinceRuns] [exportRuns]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@ntm/config';
import { seedCatalogDir } from '@ntm/db/seed';
import { startDossierHarness } from '@ntm/dossier-api/test-harness';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { benchProvinceCatalog, insertBenchData } from './report-data.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const provinceRuns = Number(process.argv[2] ?? 40);
const exportRuns = Number(process.argv[3] ?? 10);

const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
await startStack(config, { apps: false, report: () => undefined });
const national = JSON.parse(readFileSync(join(seedCatalogDir, 'national.json'), 'utf8')) as unknown;
const h = await startDossierHarness(config, [national, benchProvinceCatalog()]);
await h.stopWorker();

const setup = performance.now();
const counts = await insertBenchData(h.db);
console.log(`data: ${counts.communes} communes (${counts.provinceCommunes} in the province), ${counts.villages} villages, ${counts.records} status records, in ${((performance.now() - setup) / 1000).toFixed(1)} s`);

const office = { username: 'bench-province', grants: [{ role: 'provincial_office' as const, unitCode: 'BP', departmentCode: null }] };
const auditor = { username: 'bench-auditor', grants: [{ role: 'auditor' as const, unitCode: null, departmentCode: null }] };
const headers = { province: { authorization: await h.authorizationOf(office) }, country: { authorization: await h.authorizationOf(auditor) } };

async function get(url: string, who: keyof typeof headers): Promise<number> {
  const started = performance.now();
  const res = await h.app.inject({ method: 'GET', url, headers: headers[who] });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return performance.now() - started;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** A write the report reads (a target re-set to its value): the data's version moves, cached reports are dropped. */
const touchData = () => h.db.$executeRaw`UPDATE unit_targets SET set_by = set_by WHERE unit_code = (SELECT min(unit_code) FROM unit_targets)`;

/**
 * Times `runs` requests after a warm-up. Fresh: the data changes before each run, so every request
 * computes the report from the record; repeated: the same request again, answered from the
 * reports cached for the data's version. Prints min/p50/p95/max and the peak RSS during the series.
 */
async function time(label: string, url: string, who: keyof typeof headers, runs: number, fresh: boolean): Promise<void> {
  if (fresh) await touchData();
  await get(url, who); // warm-up: query plans, fonts, code paths
  const ms: number[] = [];
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  for (let i = 0; i < runs; i++) {
    if (fresh) await touchData();
    ms.push(await get(url, who));
  }
  clearInterval(sampler);
  ms.sort((a, b) => a - b);
  const f = (n: number | undefined) => (n ?? NaN).toFixed(0).padStart(5);
  console.log(`${label.padEnd(18)} ${(fresh ? 'fresh' : 'repeated').padEnd(8)} runs ${String(runs).padStart(3)}  min ${f(ms[0])}  p50 ${f(pct(ms, 50))}  p95 ${f(pct(ms, 95))}  max ${f(ms.at(-1))} ms  RSS before ${mib(before)}, peak ${mib(peak)}`);
}

const q = 'asOf=2025-12-31&compareTo=2024-12-31';
const series: Array<[string, string, keyof typeof headers, number]> = [
  ['province JSON', `/reports/progress?unit=BP&${q}`, 'province', provinceRuns],
  ['province CSV', `/reports/progress/csv?unit=BP&${q}`, 'province', exportRuns],
  ['province XLSX', `/reports/progress/xlsx?unit=BP&${q}`, 'province', exportRuns],
  ['province PDF', `/reports/progress/pdf?unit=BP&${q}`, 'province', exportRuns],
  ['province communes', `/reports/progress/communes?unit=BP&asOf=2025-12-31&limit=300`, 'province', provinceRuns],
  ['country JSON', `/reports/progress?${q}`, 'country', Math.max(3, Math.ceil(exportRuns / 2))],
  ['country communes', `/reports/progress/communes?asOf=2025-12-31&offset=5000&limit=1000`, 'country', 3],
  ['country CSV', `/reports/progress/csv?${q}`, 'country', 3],
  ['country XLSX', `/reports/progress/xlsx?${q}`, 'country', 3],
  ['country PDF', `/reports/progress/pdf?${q}`, 'country', 3],
];
for (const [label, url, who, runs] of series) {
  await time(label, url, who, Math.min(runs, 10), true);
  await time(label, url, who, runs, false);
}
console.log(`goals: province JSON p95 < 200 ms, province XLSX and PDF < 2 s, country JSON < 2 s (through app.inject, no network)`);
await h.close();
