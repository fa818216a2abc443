import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { prepareDriver } from './dossiers.js';
import type { ChaosEnv, Fault } from './faults.js';
import { startChaosStack } from './stack.js';

/** The chaos stack started (or found), its database and store at hand, the driver signed in. */
export async function openChaos(log: (line: string) => void = () => undefined): Promise<ChaosEnv & { close(): Promise<void> }> {
  const stack = await startChaosStack(log);
  const db = createPrismaClient(stack.config.postgres.url, { max: 4 });
  const storage = createStorage(stack.config.s3);
  const driver = await prepareDriver(stack.config, db);
  return { stack, db, storage, driver, log, close: () => db.$disconnect() };
}

/** A fault's rounds added up: the table's row. */
export interface FaultTotals {
  fault: string;
  rounds: number;
  completed: number;
  lost: string[];
  duplicated: string[];
  unavailable: number;
  noAnswer: number;
  serverErrors: string[];
  failures: string[];
  figures: Record<string, number[]>;
}

/** Runs a fault's rounds one after another; a round that throws counts as a failure, and the next goes on. */
export async function runFault(env: ChaosEnv, fault: Fault, rounds: number): Promise<FaultTotals> {
  const t: FaultTotals = { fault: fault.name, rounds: 0, completed: 0, lost: [], duplicated: [], unavailable: 0, noAnswer: 0, serverErrors: [], failures: [], figures: {} };
  for (let i = 1; i <= rounds; i++) {
    const started = performance.now();
    try {
      const r = await fault.round(env);
      t.completed += r.completed;
      t.lost.push(...r.lost);
      t.duplicated.push(...r.duplicated);
      t.unavailable += r.stats.unavailable;
      t.noAnswer += r.stats.noAnswer;
      t.serverErrors.push(...r.stats.serverErrors);
      t.failures.push(...r.failures);
      for (const [k, v] of Object.entries(r.figures)) (t.figures[k] ??= []).push(v);
      const bad = r.lost.length + r.duplicated.length + r.stats.serverErrors.length + r.failures.length;
      env.log(`${fault.name} round ${i}/${rounds}: ${r.completed} completed, ${bad === 0 ? 'nothing wrong' : `${bad} problems`} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      t.failures.push(`round ${i}: ${e instanceof Error ? e.message : String(e)}`);
      env.log(`${fault.name} round ${i}/${rounds} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    t.rounds += 1;
  }
  return t;
}

/** The printed table: one row per fault. */
export function table(rows: FaultTotals[]): string {
  const header = ['fault', 'rounds', 'dossiers completed', 'lost', 'duplicated', '503 answers', 'no answer', 'other 5xx', 'failed checks', 'figures'];
  const figures = (f: Record<string, number[]>) =>
    Object.entries(f)
      .map(([k, v]) => `${k}: ${v.length === 1 ? v[0] : `median ${[...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]}, max ${Math.max(...v)}`}`)
      .join('; ');
  const lines = [header, ...rows.map((r) => [r.fault, r.rounds, r.completed, r.lost.length, r.duplicated.length, r.unavailable, r.noAnswer, r.serverErrors.length, r.failures.length, figures(r.figures)].map(String))];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [fmt(lines[0] ?? []), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.slice(1).map(fmt)].join('\n');
}

/** Every problem found, for the report under the table. */
export function problems(rows: FaultTotals[]): string[] {
  return rows.flatMap((r) => [...r.lost, ...r.duplicated, ...r.serverErrors, ...r.failures].map((p) => `${r.fault}: ${p}`));
}
