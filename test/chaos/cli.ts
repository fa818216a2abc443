// Faults, injected into a stack of the chaos runs' own (.stack/chaos, own ports): each fault's
// rounds drive dossiers from creation to decision through the running services while the fault
// strikes, then read the record. Prints a table per fault; exits 1 if anything was lost,
// duplicated, answered with a 5xx other than a 503 problem, or a fault's own check failed.
// Usage: pnpm chaos [rounds per fault, default 3] [faults, comma-separated, in the order to run; default all]
import { faults } from './faults.js';
import { emptyTotals, openChaos, problems, runFault, table, type FaultTotals } from './run.js';


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
// Stopped early (Ctrl-C), it still prints what the finished faults found.
process.once('SIGINT', () => {
  console.log(`\nstopped; the rounds run so far:\n${table(rows)}\n`);
  for (const p of problems(rows)) console.log(`  ✗ ${p}`);
  process.exit(130);
});
try {
  for (const name of names) {
    const fault = faults.find((f) => f.name === name);
    if (!fault) continue;
    log(`${fault.name}: ${fault.describe}`);
    const totals = emptyTotals(fault.name);
    rows.push(totals);
    await runFault(env, fault, rounds, totals);
    log(`${fault.name} done:\n${table([totals])}`);
  }
} finally {
  await env.close();
}
console.log(`\n${table(rows)}\n`);
const found = problems(rows);
for (const p of found) console.log(`  ✗ ${p}`);
console.log(found.length === 0 ? `Nothing lost, nothing duplicated, no server error (${((performance.now() - started) / 60_000).toFixed(1)} min).` : `${found.length} problems.`);
process.exitCode = found.length === 0 ? 0 : 1;
