import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Prints the compressed JavaScript a browser loads for the sign-in page (the entry and its static
 * imports) and for the commune's dossier pages (plus their lazily loaded chunks). Run after
 * `pnpm --filter @ntm/portal build`. The budget for both is 300 KB gzip (issue 11).
 */
const dist = resolve(import.meta.dirname, '..', 'web', 'dist');
type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

const gz = (file: string) => (existsSync(join(dist, `${file}.gz`)) ? statSync(join(dist, `${file}.gz`)).size : gzipSync(readFileSync(join(dist, file))).length);

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry) ?? '';
const page = (name: string) => Object.keys(manifest).find((k) => k.endsWith(`pages/${name}.tsx`)) ?? '';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (keys: Set<string>, what: (c: Chunk) => string[]) => [...keys].flatMap((k) => (manifest[k] ? what(manifest[k]) : [])).reduce((n, f) => n + gz(f), 0);
const js = (keys: Set<string>) => sum(keys, (c) => [c.file]);
const css = (keys: Set<string>) => sum(keys, (c) => c.css ?? []);

const signIn = closure([entry]);
const commune = closure([entry, page('dossier-list'), page('dossier')]);
console.log(`sign-in page:          JS ${kb(js(signIn))} gzip, CSS ${kb(css(signIn))} gzip`);
console.log(`commune dossier pages: JS ${kb(js(commune))} gzip, CSS ${kb(css(commune))} gzip (sign-in + list + dossier)`);
const budget = 300 * 1024;
if (js(commune) > budget) {
  console.error(`over the 300 KB budget for the commune's pages`);
  process.exitCode = 1;
}
