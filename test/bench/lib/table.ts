import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { met, summarize, type Figure } from './figures.js';

const number = (n: number): string => (Number.isNaN(n) ? '–' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The figures as one plain-text table: figure, runs, min/median/max, goal, met or not. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const s = summarize(f.runs);
    const verdict = met(f);
    return [
      `${f.suite}: ${f.name}`,
      f.unit,
      String(f.runs.length),
      number(s.min),
      number(s.median),
      number(s.max),
      f.goal ? `${f.goal.op} ${f.goal.value}` : '',
      verdict === undefined ? '' : verdict ? 'met' : 'NOT MET',
    ];
  });
  const header = ['figure', 'unit', 'runs', 'min', 'median', 'max', 'goal', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes the run as JSON under `dir` (bench-results/<timestamp>.json) for comparison between runs; answers the path. */
export function writeResults(dir: string, figures: readonly Figure[], context: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const path = join(dir, `${at.replace(/[:.]/g, '-')}.json`);
  const rows = figures.map((f) => ({ ...f, ...summarize(f.runs), met: met(f) ?? null }));
  writeFileSync(path, `${JSON.stringify({ at, ...context, figures: rows }, null, 2)}\n`);
  return path;
}
