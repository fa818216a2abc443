// Writes the next migration offline: the SQL between the schema as of the last migration
// (prisma/migrations/schema-snapshot.prisma) and prisma/schema.prisma.
// Usage: pnpm db:new-migration <name>   (needs the dev stack's PostgreSQL: ./dev up)
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '@ntm/config';
import { migrationsDir } from '../src/migrate.js';
import { diffSchemas, schemaFile, schemaSnapshotFile } from '../src/schema-diff.js';

const name = process.argv[2] ?? '';
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error('usage: pnpm db:new-migration <name>   (lower case letters, digits and _ only)');
  process.exit(2);
}

const sql = await diffSchemas({
  from: existsSync(schemaSnapshotFile) ? schemaSnapshotFile : 'empty',
  to: schemaFile,
  databaseUrl: process.env.DATABASE_URL ?? loadConfig().postgres.url,
});
if (sql === '') {
  console.log('schema.prisma has not changed since the last migration: nothing to write.');
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
copyFileSync(schemaFile, schemaSnapshotFile);
console.log(`wrote ${relative(process.cwd(), join(dir, 'migration.sql'))}; read it, then run ./dev test.`);
