import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { compactDataChanges, readDataVersion, ReportCache, reportSourceTables } from './report-cache.js';

describe('the report data version and the report cache', () => {
  let scratch: ScratchDatabase;
  let db: Db;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testConfig().postgres.url);
    db = createPrismaClient(scratch.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  it('every table the report reads records its writers', async () => {
    const rows = await db.$queryRaw<Array<{ table: string }>>`
      SELECT DISTINCT c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname = 'report_data_changed' AND NOT t.tgisinternal`;
    expect(rows.map((r) => r.table).sort()).toEqual([...reportSourceTables].sort());
  });

  it('moves with each committed write, not with a rolled-back one or a dossier\u2019s stage, and keeps its value when compacted', async () => {
    const v0 = BigInt((await readDataVersion(db)).version);
    await db.$executeRaw`INSERT INTO administrative_units (code, level, name, search_name, parent_code, province_code, valid_from, updated_at) VALUES ('VX', 'province', 'Tỉnh Vx', 'tinh vx', NULL, 'VX', '2020-01-01', now())`;
    const v1 = BigInt((await readDataVersion(db)).version);
    expect(v1).toBe(v0 + 1n);
    // Two statements of one transaction are one change.
    await db.$transaction([
      db.$executeRaw`INSERT INTO unit_targets (unit_code, track_code, province_code, target_year, set_by, updated_at) VALUES ('VX', 'T', 'VX', 2026, 'test', now())`,
      db.$executeRaw`UPDATE unit_targets SET target_year = 2027 WHERE unit_code = 'VX'`,
    ]);
    expect(BigInt((await readDataVersion(db)).version)).toBe(v1 + 1n);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE unit_targets SET target_year = 2028 WHERE unit_code = 'VX'`;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(BigInt((await readDataVersion(db)).version)).toBe(v1 + 1n);
    await db.$executeRaw`INSERT INTO dossiers (id, tracking_code, unit_code, province_code, track_code, year, criteria_set_code, stage, created_by, updated_at) VALUES (gen_random_uuid(), 'TEST-VX', 'VX', 'VX', 'T', 2026, 'S', 'DRAFT', 'test', now())`;
    const v2 = BigInt((await readDataVersion(db)).version);
    expect(v2).toBe(v1 + 2n);
    await db.$executeRaw`UPDATE dossiers SET stage = 'SUBMITTED' WHERE unit_code = 'VX'`;
    expect(BigInt((await readDataVersion(db)).version)).toBe(v2);
    await db.$executeRaw`UPDATE dossiers SET submitted_at = now() WHERE unit_code = 'VX'`;
    expect(BigInt((await readDataVersion(db)).version)).toBe(v2 + 1n);
    await compactDataChanges(db);
    expect(await readDataVersion(db)).toEqual({ version: String(v2 + 1n), rows: 1 });
  });

  it('answers a report again while the data is unchanged and computes it anew after a write', async () => {
    const cache = new ReportCache<number>(db);
    let computed = 0;
    const read = async () => cache.get(await cache.currentVersion(), 'key', async () => ++computed);
    expect([await read(), await read()]).toEqual([1, 1]);
    await db.$executeRaw`UPDATE unit_targets SET set_by = 'someone else' WHERE unit_code = 'VX'`;
    expect([await read(), await read()]).toEqual([2, 2]);
    // A request that read an older version is answered afresh and leaves the entries alone.
    expect(await cache.get('1', 'key', async () => 99)).toBe(99);
    expect(await read()).toBe(2);
  });
});
