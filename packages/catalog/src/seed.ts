import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@ntm/db';
import { seedCatalogDir } from '@ntm/db/seed';
import { importCatalog } from './import.js';

/**
 * Loads each seed catalog file once, in file-name order. A seed already recorded in
 * catalog_imports is not applied again, so a province's later edits survive restarts.
 */
export async function seedCatalog(db: Db, dir = seedCatalogDir): Promise<Array<{ file: string; changes: number }>> {
  const applied: Array<{ file: string; changes: number }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const source = `seed:${file}`;
    if (await db.catalogImport.findFirst({ where: { source }, select: { id: true } })) continue;
    const result = await importCatalog(db, JSON.parse(readFileSync(join(dir, file), 'utf8')), { source });
    if (!result.ok) {
      throw new Error(`seed catalog ${file} is invalid:\n  ${result.errors.map((e) => `${e.location}: ${e.message}`).join('\n  ')}`);
    }
    applied.push({ file, changes: result.changes.length });
  }
  return applied;
}
