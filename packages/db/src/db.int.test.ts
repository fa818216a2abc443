import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { createPrismaClient, type Db } from './client.js';
import { applyMigrations, MigrationError, readMigrations } from './migrate.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch.js';

const config = testConfig();

describe('PostgreSQL through Prisma (real server)', () => {
  let scratch: ScratchDatabase;
  let db: Db;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  it('applies every migration from scratch and records it in _prisma_migrations', async () => {
    const { rows } = await query(scratch.url, 'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it('writes a unit tree and reads it back with Vietnamese names intact', async () => {
    const validFrom = new Date('2020-01-01');
    await db.administrativeUnit.create({ data: { code: '12', level: 'province', name: 'Tỉnh Lai Châu', searchName: 'tinh lai chau', provinceCode: '12', validFrom } });
    await db.administrativeUnit.create({
      data: { code: '12-TUY', level: 'district', name: 'Huyện Than Uyên', searchName: 'huyen than uyen', provinceCode: '12', parentCode: '12', validFrom },
    });
    const read = await db.administrativeUnit.findUniqueOrThrow({ where: { code: '12' }, include: { children: true } });
    expect(read.name).toBe('Tỉnh Lai Châu');
    expect(read.children.map((c) => c.name)).toEqual(['Huyện Than Uyên']);
  });

  it('re-applying migrations changes nothing', async () => {
    expect(await applyMigrations(scratch.url)).toEqual([]);
  });
});

describe('the migration runner', () => {
  it('rolls back a failing migration whole and records nothing for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-migrations-'));
    writeMigration(dir, '001_ok', 'CREATE TABLE ok_table (id int);');
    writeMigration(dir, '002_bad', 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;');
    const scratch = await createScratchDatabase(config.postgres.url, { migrate: false });
    try {
      await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/002_bad failed/);
      const tables = await query(scratch.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      expect(tables.rows.map((r) => r.tablename)).toEqual(['_prisma_migrations', 'ok_table']);
      const recorded = await query(scratch.url, 'SELECT migration_name FROM "_prisma_migrations"');
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(['001_ok']);
    } finally {
      await scratch.drop();
    }
  });

  it('refuses to continue when an applied migration was edited afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-migrations-'));
    writeMigration(dir, '001_ok', 'CREATE TABLE ok_table (id int);');
    const scratch = await createScratchDatabase(config.postgres.url, { migrate: false });
    try {
      await applyMigrations(scratch.url, dir);
      writeMigration(dir, '001_ok', 'CREATE TABLE ok_table (id bigint);');
      const error = await applyMigrations(scratch.url, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/001_ok was changed after it was applied/);
    } finally {
      await scratch.drop();
    }
  });
});

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'migration.sql'), sql);
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<Record<string, string>>(sql);
  } finally {
    await client.end();
  }
}
