// `pnpm bench [suite ...]`: every speed figure of the system measured the same way each time against
// the real stack (started or reused on the configured ports), printed as one table (figure,
// min/median/max, goal, met or not) and written as JSON to bench-results/ for comparison.
// Suites: reads, commands, uploads, dossiers (the default set), recheck, report, portal-bundle, all.
// Options: --runs N (default 3), --seconds N (per read run, default 5), --dossiers N (default 50).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@ntm/infra/paths';
import type { Figure } from './lib/figures.js';
import { startBenchStack, type BenchStack } from './lib/stack.js';
import { formatTable, writeResults } from './lib/table.js';
import { commandsSuite } from './suites/commands.js';
import { readsSuite } from './suites/reads.js';
import { dossiersSuite, scriptSuite } from './suites/scripts.js';
import { uploadsSuite } from './suites/uploads.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '5' }, dossiers: { type: 'string', default: '50' }, 'keep-apps': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const log = (line: string) => console.log(`[bench] ${line}`);

type Suite = (stack: () => Promise<BenchStack>) => Promise<Figure[]>;
const suites: Record<string, Suite> = {
  reads: async (stack) => readsSuite(await stack(), { runs, seconds: Number(values.seconds), log }),
  commands: async (stack) => commandsSuite(await stack(), { runs, perClient: 20, log }),
  uploads: async (stack) => uploadsSuite(await stack(), { runs, log }),
  dossiers: () => dossiersSuite({ runs: 1, count: Number(values.dossiers), log }),
  recheck: () => scriptSuite('recheck', 'bench:recheck', [], { log }),
  report: () => scriptSuite('report', 'bench:report', [], { log }),
  'portal-bundle': () => scriptSuite('portal-bundle', 'bench:portal-bundle', [], { log }),
};
const defaults = ['reads', 'commands', 'uploads', 'dossiers'];
const wanted = positionals.length === 0 ? defaults : positionals.includes('all') ? Object.keys(suites) : positionals;
const unknown = wanted.filter((s) => !(s in suites));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; name any of: ${Object.keys(suites).join(', ')}, all`);
  process.exit(2);
}

let started: Promise<BenchStack> | undefined;
// Started once, on the first suite that needs the running services (apps restarted unless --keep-apps, so they run this checkout's code).
const stack = () => (started ??= startBenchStack(log, { restartApps: !values['keep-apps'] }));
const figures: Figure[] = [];
const failed: string[] = [];
for (const name of wanted) {
  log(`suite ${name}`);
  try {
    figures.push(...(await (suites[name] as Suite)(stack)));
  } catch (e) {
    // One suite's failure is reported; the others' figures still make the table.
    failed.push(name);
    log(`suite ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
await (await started)?.close();

console.log(`\n${formatTable(figures)}`);
const path = writeResults(join(repoRoot, 'bench-results'), figures, { suites: wanted, runs, failed });
console.log(`\nwritten to ${path}`);
if (failed.length > 0) {
  console.log(`failed suites: ${failed.join(', ')}`);
  process.exitCode = 1;
}
