/**
 * Writes the `units` section (and the place names) of the seed catalog files of Lai Châu and Lào Cai
 * from the GSO lists in packages/db/seed/units/; the other sections of an existing file are kept.
 *
 *   pnpm exec tsx packages/catalog/scripts/gso-units.ts
 *
 * Keys: provinces and districts by their GSO code ("12", "110"); units of the two-tier list (from
 * 01/07/2025) by their GSO code ("03595"); units of the three-tier list by "<district>-<unit>"
 * ("110-03628"), because the two-tier list gives many old codes to other units.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { seedCatalogDir } from '@ntm/db/seed';
import { gsoCatalogUnits, type GsoProvince } from '../src/gso-units.js';

const unitsDir = join(seedCatalogDir, '..', 'units');
const read = (file: string) => parse<Record<string, string>>(readFileSync(join(unitsDir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
const before = read('lai-chau-lao-cai-2025-03-01.csv');
const after = read('lai-chau-lao-cai-2025-07-01.csv');

const provinces: GsoProvince[] = [
  { file: 'lai-chau.json', code: '12', threeTier: true, twoTier: true },
  { file: 'lao-cai.json', code: '10', threeTier: true, twoTier: false },
  { file: 'lao-cai-2025.json', code: '15', threeTier: false, twoTier: true },
];

for (const p of provinces) {
  const path = join(seedCatalogDir, p.file);
  const existing = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : undefined;
  const next = gsoCatalogUnits(p, before, after, existing);
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${p.file}: ${(next.units as unknown[]).length} units`);
}
