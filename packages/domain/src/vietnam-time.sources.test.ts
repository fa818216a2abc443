import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vietnam's calendar, once: no source works out a day by itself (a UTC slice of an instant, a
// hard-coded +07:00 offset, a hand-built midnight); vietnam-time.ts is the one place that does.
const root = join(import.meta.dirname, '..', '..', '..');
const homegrown = [/toISOString\(\)\.slice\(0, ?10\)/, /\+07:00/, /7 \* 3_?600_?000/, /T00:00:00/];
/** vietnam-time.ts itself; packages/http formats zod date bounds and has no date schema (nor a dependency on the domain). */
const exempt = new Set(['packages/domain/src/vietnam-time.ts', 'packages/http/src/zod-messages.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'generated', 'dist', 'histories'].includes(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("Vietnam's calendar in the sources", () => {
  it('is computed only by vietnam-time.ts (a line marked "calendar-scan: allow" above it is a replayed legacy path)', () => {
    const found = ['packages', 'services', 'workflows', 'test', 'infra']
      .flatMap((d) => sources(join(root, d)))
      .filter((path) => !exempt.has(relative(root, path)))
      .flatMap((path) => {
        const lines = readFileSync(path, 'utf8').split('\n');
        return lines.flatMap((line, i) =>
          homegrown.some((p) => p.test(line)) && !(lines[i - 1] ?? '').includes('calendar-scan: allow') ? [`${relative(root, path)}:${i + 1}`] : [],
        );
      });
    expect(found).toEqual([]);
  });
});
