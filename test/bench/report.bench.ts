// Times the progress report in each format against the test stack (started if needed): a generated
// province of 300 communes and 3,000 villages with five years of quarterly status records, and a
// country of about 10,000 communes. Prints p50/p95 per format and the peak RSS of a country export.
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

let setup = performance.now();
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
async function time(label: string, url: string, who: keyof typeof headers, runs: number): Promise<void> {
  await get(url, who); // warm-up: query plans, fonts, code paths
  const ms: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  for (let i = 0; i < runs; i++) ms.push(await get(url, who));
  clearInterval(sampler);
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} runs ${String(runs).padStart(3)}  p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms  p95 ${pct(ms, 95).toFixed(0).padStart(5)} ms  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
}

setup = performance.now();
const q = 'asOf=2025-12-31&compareTo=2024-12-31';
await time('province JSON', `/reports/progress?unit=BP&${q}`, 'province', provinceRuns);
await time('province CSV', `/reports/progress/csv?unit=BP&${q}`, 'province', exportRuns);
await time('province XLSX', `/reports/progress/xlsx?unit=BP&${q}`, 'province', exportRuns);
await time('province PDF', `/reports/progress/pdf?unit=BP&${q}`, 'province', exportRuns);
await time('country JSON', `/reports/progress?${q}`, 'country', Math.max(3, Math.ceil(exportRuns / 2)));
await time('country XLSX', `/reports/progress/xlsx?${q}`, 'country', 3);
await time('country PDF', `/reports/progress/pdf?${q}`, 'country', 3);
console.log(`goals: province JSON p95 < 200 ms, province XLSX and PDF < 2 s, country JSON < 2 s (through app.inject, no network)`);
await h.close();
