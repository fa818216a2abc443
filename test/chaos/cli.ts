// Faults, injected into a stack of the chaos runs' own (.stack/chaos, own ports): each fault's
// rounds drive dossiers from creation to decision through the running services while the fault
// strikes, then read the record. Prints a table per fault; exits 1 if anything was lost,
// duplicated, answered with a 5xx other than a 503 problem, or a fault's own check failed.
// Usage: pnpm chaos [rounds per fault, default 3] [faults, comma-separated, default all]
import { faults } from './faults.js';
import { openChaos, problems, runFault, table, type FaultTotals } from './run.js';


const rounds = Number(process.argv[2] ?? 3);
const names = process.argv[3]?.split(',').filter(Boolean) ?? faults.map((f) => f.name);
const unknown = names.filter((n) => !faults.some((f) => f.name === n));
if (!Number.isInteger(rounds) || rounds < 1 || unknown.length > 0) {
  console.error(`usage: pnpm chaos [rounds] [${faults.map((f) => f.name).join(',')}]`);
  process.exit(2);
}

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const env = await openChaos(log);
const rows: FaultTotals[] = [];
try {
  for (const fault of faults.filter((f) => names.includes(f.name))) {
    log(`${fault.name}: ${fault.describe}`);
    rows.push(await runFault(env, fault, rounds));
  }
} finally {
  await env.close();
}
console.log(`\n${table(rows)}\n`);
const found = problems(rows);
for (const p of found) console.log(`  ✗ ${p}`);
console.log(found.length === 0 ? `Nothing lost, nothing duplicated, no server error (${((performance.now() - started) / 60_000).toFixed(1)} min).` : `${found.length} problems.`);
process.exitCode = found.length === 0 ? 0 : 1;
