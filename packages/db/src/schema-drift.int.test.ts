import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { createScratchDatabase, type ScratchDatabase } from './scratch.js';
import { diffSchemas, schemaFile, schemaSnapshotFile } from './schema-diff.js';
import { handWrittenConstraints } from './hand-written-constraints.js';

const config = testConfig();

/** Tables, columns, indexes and constraints of a database, in a comparable form. */
async function describeDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
                        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                        ORDER BY table_name, column_name`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
                        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      constraints: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
                            ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

describe('migrations and schema.prisma agree', () => {
  let migrated: ScratchDatabase;
  let fromSchema: ScratchDatabase;

  beforeAll(async () => {
    migrated = await createScratchDatabase(config.postgres.url);
    fromSchema = await createScratchDatabase(config.postgres.url, { migrate: false });
  });
  afterAll(async () => {
    await migrated.drop();
    await fromSchema.drop();
  });

  it('the migrated database has exactly the tables, columns, types, nullability, indexes and keys schema.prisma describes', async () => {
    const sql = await diffSchemas({ from: 'empty', to: schemaFile, databaseUrl: fromSchema.url });
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    for (const statement of handWrittenConstraints) await client.query(statement);
    await client.end();

    const [actual, expected] = await Promise.all([describeDatabase(migrated.url), describeDatabase(fromSchema.url)]);
    expect(actual.columns.length).toBeGreaterThan(20);
    expect(actual.constraints).toContainEqual(expect.objectContaining({ table_name: 'evidence', conname: 'evidence_one_owner' }));
    expect(actual).toEqual(expected);
  });

  it('the schema snapshot is up to date, so the next migration is diffed from the right place', async () => {
    const pending = await diffSchemas({ from: schemaSnapshotFile, to: schemaFile, databaseUrl: fromSchema.url });
    expect(pending, 'schema.prisma changed without a migration: run pnpm db:new-migration <name>').toBe('');
  });
});
