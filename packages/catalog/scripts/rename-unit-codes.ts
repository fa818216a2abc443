/**
 * Rewrites the project's former unit codes (LCH, LCH-THU, LCH-THU-PMU, …) to the official keys in
 * the files given, in place, by the mapping in unit-code-renames.json beside this script.
 *
 *   pnpm exec tsx packages/catalog/scripts/rename-unit-codes.ts [--check] <file>…
 *
 * --check changes nothing and exits 1 when a file would change. Running it twice is harmless.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeRenamer, type CodeRenames } from '../src/code-renames.js';

const mapping = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'unit-code-renames.json'), 'utf8')) as CodeRenames;
const rename = codeRenamer(mapping);
const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter((a) => a !== '--check');
if (files.length === 0) {
  console.error('usage: rename-unit-codes.ts [--check] <file>…');
  process.exit(2);
}
let changed = 0;
for (const file of files) {
  const before = readFileSync(file, 'utf8');
  const after = rename(before);
  if (after === before) continue;
  changed++;
  console.log(`${check ? 'would change' : 'changed'} ${file}`);
  if (!check) writeFileSync(file, after);
}
console.log(`${changed} of ${files.length} file(s) ${check ? 'would change' : 'changed'}`);
if (check && changed > 0) process.exit(1);
