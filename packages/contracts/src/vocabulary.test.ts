import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryEvent, StageKind, SystemStage, stageNameOf } from './vocabulary.js';

const root = join(import.meta.dirname, '..', '..', '..');
const names = [...Object.values(SystemStage), ...Object.values(HistoryEvent)];
const kinds: readonly string[] = Object.values(StageKind);

/** Where the words are defined: the vocabulary, and the stage kinds the domain's rules need. */
const definitions = new Set(['packages/contracts/src/vocabulary.ts', 'packages/domain/src/approval-chain.ts', 'packages/domain/src/system-stages.ts']);
/**
 * Files that may spell the words out: tests (they state what the API answers, independently of
 * the code) and catalog fixtures (stage kinds there are catalog data, as in a province's file).
 */
const mayQuote = (path: string) => /\.test\.ts$|\.test-data\.ts$|test-fixtures\.ts$/.test(path);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'generated', 'dist', '.stack', 'histories'].includes(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const quotedAny = (vocabulary: readonly string[]) => new RegExp(`(['"\`])(${vocabulary.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\1`, 'g');

/**
 * Quoted copies of the vocabulary's words in a source text, as "line: word". Stage names and event
 * types are flagged anywhere; the stage kinds' plain words ("appraisal" …) also name report
 * statuses and OpenAPI tags, so they are flagged where code inspects a stage's kind.
 */
function literalCopies(text: string): string[] {
  const anywhere = quotedAny(names);
  const asKind = quotedAny(kinds);
  return text.split('\n').flatMap((line, i) => {
    const found = [...line.matchAll(anywhere)];
    if (/kind|stageOf\(/i.test(line)) found.push(...line.matchAll(asKind));
    return found.map((m) => `${i + 1}: ${m[2] ?? ''}`);
  });
}

describe('one vocabulary', () => {
  it('finds a literal copy of a stage, an event type or a stage kind where a kind is inspected', () => {
    const text = "ctx.moveTo('RECOGNISED');\nrecord(\"dossier.submitted\");\nif (kind === `appraisal`) {}\nconst fine = 'RECOGNISED_LATER';\ntags: ['appraisal'],\nctx.stageOf('self_assessment');";
    expect(literalCopies(text)).toEqual(['1: RECOGNISED', '2: dossier.submitted', '3: appraisal', '6: self_assessment']);
  });

  it('has no literal copies of its words in the sources: they import them from packages/contracts', () => {
    const dirs = ['packages', 'services', 'workflows', 'test', 'infra'].map((d) => join(root, d));
    const files = dirs.flatMap(sources).map((path) => ({ path, rel: relative(root, path) }));
    expect(files.length).toBeGreaterThan(100);
    const copies = files
      .filter(({ rel }) => !definitions.has(rel) && !mayQuote(rel))
      .flatMap(({ path, rel }) => literalCopies(readFileSync(path, 'utf8')).map((c) => `${rel}:${c}`));
    expect(copies).toEqual([]);
  });

  it('names the system stages in Vietnamese, a track stage by its track', () => {
    const stages = [{ code: 'DECISION', name: 'Tỉnh công nhận' }];
    expect(stageNameOf('DECISION', stages)).toBe('Tỉnh công nhận');
    expect(stageNameOf(SystemStage.recognised, stages)).toBe('Đã có quyết định công nhận');
    expect(stageNameOf(SystemStage.refused, [])).toBe('Đã có quyết định không công nhận');
    expect(stageNameOf(SystemStage.opening, [])).toBe('Đang lập hồ sơ');
    expect(stageNameOf('UNKNOWN', stages)).toBe('UNKNOWN');
  });
});
