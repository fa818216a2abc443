import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@ntm/db';
import { seedCatalogDir } from '@ntm/db/seed';
import { importCatalog } from './import.js';

/**
 * Loads each seed catalog file once: national files (no province) first, as provinces refer to
 * their sets and tracks, then by file name. A seed already recorded in catalog_imports is not
 * applied again, so a province's later edits survive restarts.
 */
export async function seedCatalog(db: Db, dir = seedCatalogDir): Promise<Array<{ file: string; changes: number }>> {
  const applied: Array<{ file: string; changes: number }> = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, content: JSON.parse(readFileSync(join(dir, file), 'utf8')) as { province?: unknown } }))
    .sort((a, b) => Number(a.content.province !== undefined) - Number(b.content.province !== undefined) || a.file.localeCompare(b.file));
  for (const { file, content } of files) {
    const source = `seed:${file}`;
    if (await db.catalogImport.findFirst({ where: { source }, select: { id: true } })) continue;
    const result = await importCatalog(db, content, { source });
    if (!result.ok) {
      throw new Error(`seed catalog ${file} is invalid:\n  ${result.errors.map((e) => `${e.location}: ${e.message}`).join('\n  ')}`);
    }
    applied.push({ file, changes: result.changes.length });
  }
  return applied;
}
