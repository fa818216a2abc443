// Fuzzes both services against their served OpenAPI documents with Schemathesis, signed in, for the
// given minutes (default 10), and prints what it found. Exit code 1 when anything was found.
// Usage: pnpm fuzz [minutes]
import { loadConfig } from '@ntm/config';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import { schemathesisCli } from '@ntm/infra/tools';
import { runSchemathesis, summarize, type FuzzResult } from './schemathesis.js';
import { startFuzzTarget } from './target.js';

const minutes = Number(process.argv[2] ?? 10);
if (!(minutes > 0)) throw new Error(`minutes must be a positive number, not "${process.argv[2]}"`);

const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', ...stackEnvDefaults });
const bin = schemathesisCli((line) => console.log(line));
await startStack(config, { apps: false, report: () => undefined });
// With a worker, dossiers the fuzzer opens move on as they would in use.
const target = await startFuzzTarget(config, { worker: true, tokenTtlSeconds: Math.ceil(minutes * 60 + 600) });
const results: FuzzResult[] = [];
try {
  // The dossier API has about four times the evidence API's operations.
  const share = { 'dossier-api': 0.75, 'evidence-api': 0.25 };
  for (const service of target.services) {
    console.log(`fuzzing ${service.name} for ${(minutes * share[service.name]).toFixed(1)} min`);
    results.push(await runSchemathesis(bin, { service: service.name, baseUrl: service.baseUrl, token: target.token, seconds: minutes * 60 * share[service.name] }));
  }
} finally {
  await target.stop();
}
console.log(summarize(results));
console.log(`service logs: ${target.logDir}`);
const passed = results.every((r) => r.exitCode === 0 && r.failures.length === 0 && r.errors.length === 0);
console.log(passed ? 'PASSED' : 'FAILED');
process.exit(passed ? 0 : 1);
