import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from './migrate.js';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the same server as `serverUrl`, migrated unless told otherwise.
 * Tests get one each so they never see each other's rows; the migration writer diffs against one.
 */
export async function createScratchDatabase(serverUrl: string, opts: { migrate?: boolean; prefix?: string } = {}): Promise<ScratchDatabase> {
  const name = `${opts.prefix ?? 'ntm_scratch'}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = withDatabase(serverUrl, name);
  if (opts.migrate !== false) await applyMigrations(url);
  return { name, url, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`) };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
