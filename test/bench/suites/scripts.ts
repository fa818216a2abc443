// The benchmarks that are scripts of their own (test/package.json), run as suites: each is run as
// it is, its output passed through, and its whole wall time recorded; the dossiers benchmark's
// throughput is read from its output.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../lib/figures.js';

const testDir = join(import.meta.dirname, '..', '..');

export function scriptExists(script: string): boolean {
  const pkg = JSON.parse(readFileSync(join(testDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return pkg.scripts?.[script] !== undefined;
}

/** Runs `pnpm run <script> [args]` in test/, passing its output through; answers it and the wall seconds. */
export function runScript(script: string, args: string[], log: (line: string) => void): Promise<{ output: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('pnpm', ['--silent', 'run', script, ...args], { cwd: testDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n').filter(Boolean)) log(`  ${script} | ${line}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else resolve({ output, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/**
 * The province's dossiers from creation to a recognition decision (`bench:dossiers count 10`). The
 * goal is 300 dossiers in 5 minutes: a smaller count is projected to 300 by its throughput.
 */
export async function dossiersSuite(opts: { runs: number; count: number; log: (line: string) => void }): Promise<Figure[]> {
  const projected: number[] = [];
  const p95: number[] = [];
  const perDossier: number[] = [];
  const perSecond: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const { output } = await runScript('bench:dossiers', [String(opts.count), '10'], opts.log);
    const throughput = Number(/throughput: ([\d.]+) dossiers\/s/.exec(output)?.[1] ?? NaN);
    projected.push(300 / throughput);
    p95.push(Number(/p95 (\d+) ms/.exec(output)?.[1] ?? NaN) / 1000);
    const commands = /commands: \d+ \(([\d.]+) a dossier\), ([\d.]+) commands\/s/.exec(output);
    perDossier.push(Number(commands?.[1] ?? NaN));
    perSecond.push(Number(commands?.[2] ?? NaN));
  }
  const note = `${opts.count} dossiers, 10 at a time, ${opts.runs} run(s)${opts.count === 300 ? '' : '; projected to 300 by throughput'}`;
  return [
    { suite: 'dossiers', name: '300 dossiers through the full process', unit: 's', runs: projected, goal: { op: '<=', value: 300 }, note },
    { suite: 'dossiers', name: 'one dossier through the full process p95', unit: 's', runs: p95, note },
    { suite: 'dossiers', name: 'commands a dossier', unit: 'commands', runs: perDossier, note },
    { suite: 'dossiers', name: 'commands/s while the dossiers run', unit: 'cmd/s', runs: perSecond, note },
  ];
}

/** A benchmark script another issue added: its wall time as a figure; its own figures are in its output. */
export async function scriptSuite(suite: string, script: string, args: string[], opts: { log: (line: string) => void }): Promise<Figure[]> {
  if (!scriptExists(script)) {
    opts.log(`${suite}: no script "${script}" in test/package.json yet; skipped`);
    return [];
  }
  const { seconds } = await runScript(script, args, opts.log);
  return [{ suite, name: `pnpm ${script} ${args.join(' ')}`.trim(), unit: 's', runs: [seconds], note: 'whole command; its own figures are in its output above' }];
}
