import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { exportProvinceCatalog } from './export.js';
import { nationalFixture, provinceFixture } from './fixtures.test-data.js';
import { importCatalog } from './import.js';

const config = testConfig();

describe('catalog import (real PostgreSQL)', () => {
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
  beforeEach(async () => {
    await db.$executeRawUnsafe(
      'TRUNCATE unit_groupings, administrative_units, criterion_assignments, departments, stage_durations, holidays, provinces, indicators, criteria, criteria_sets, tracks, catalog_imports',
    );
    await importOk(nationalFixture());
  });

  async function importOk(file: unknown, dryRun = false) {
    const result = await importCatalog(db, file, { dryRun });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result;
  }

  it('creates everything a new file names, and a second import of the same file changes nothing', async () => {
    const first = await importOk(provinceFixture());
    expect(first.changes.filter((c) => c.action === 'update')).toEqual([]);
    expect(first.changes.map((c) => c.entity)).toEqual(expect.arrayContaining(['province', 'unit', 'department', 'assignment', 'duration', 'holiday']));
    const second = await importOk(provinceFixture());
    expect(second.changes).toEqual([]);
    expect(second.unchanged).toBe(first.changes.length);
  });

  it('changes only what a modified file says', async () => {
    await importOk(provinceFixture());
    const before = await exportProvinceCatalog(db, 'P1');
    const file = provinceFixture();
    file.units = file.units.map((u) => (u.code === 'P1-D1-C2' ? { ...u, name: 'Xã Giang Ma (mới)' } : u));
    file.durations = [{ trackCode: 'T-NTM', stageCode: 'APPRAISAL', amount: 15, unit: 'working_days', reminderEveryDays: 5, isDefault: false }];
    const result = await importOk(file);
    expect(result.changes).toEqual([
      { entity: 'unit', key: 'P1-D1-C2', action: 'update' },
      { entity: 'duration', key: 'T-NTM/APPRAISAL', action: 'update' },
    ]);
    const after = await exportProvinceCatalog(db, 'P1');
    expect(after?.units.find((u) => u.code === 'P1-D1-C2')?.name).toBe('Xã Giang Ma (mới)');
    expect({ ...after, units: undefined, durations: undefined }).toEqual({ ...before, units: undefined, durations: undefined });
  });

  it('leaves entries a file does not name as they are', async () => {
    await importOk(provinceFixture());
    const partial = { format: 'ntm-catalog/1', province: provinceFixture().province, holidays: [{ date: '2026-09-02', name: 'Quốc khánh' }] };
    const result = await importOk(partial);
    expect(result.changes).toEqual([{ entity: 'holiday', key: '2026-09-02', action: 'create' }]);
    const after = await exportProvinceCatalog(db, 'P1');
    expect(after?.units).toHaveLength(4);
    expect(after?.holidays.map((h) => h.date)).toEqual(['2026-02-17', '2026-09-02']);
  });

  it('rejects a malformed file whole, with one error per bad field, and writes nothing', async () => {
    await importOk(provinceFixture());
    const before = await exportProvinceCatalog(db, 'P1');
    const importsBefore = await db.catalogImport.count();
    const file = provinceFixture();
    file.units = [...file.units, { code: 'P1-D1-C3', name: 'Xã Mới', level: 'commune', parentCode: 'P1-D1', validFrom: '2026-13-01' }];
    file.durations = [{ trackCode: 'T-NTM', stageCode: 'APPRAISAL', amount: -1, unit: 'weeks' as 'days' }];
    const result = await importCatalog(db, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.location).sort()).toEqual(['body.durations.0.amount', 'body.durations.0.unit', 'body.units.4.validFrom']);
    expect(await exportProvinceCatalog(db, 'P1')).toEqual(before);
    expect(await db.catalogImport.count()).toBe(importsBefore);
  });

  it('rejects references to codes that exist nowhere, naming each', async () => {
    const file = provinceFixture();
    file.units = [...file.units, { code: 'P1-X', name: 'Xã Lạc', level: 'commune', parentCode: 'NOWHERE', validFrom: '2020-01-01', groupings: { 'SET-A': 'R9' } }];
    file.assignments = [...(file.assignments ?? []), { criteriaSetCode: 'SET-A', criterionCode: 'C9', departmentCode: 'SYT' }];
    file.durations = [{ trackCode: 'T-NTM', stageCode: 'NO_STAGE', amount: 5, unit: 'days' }];
    const result = await importCatalog(db, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.location).sort()).toEqual([
      'body.assignments.4.criterionCode',
      'body.assignments.4.departmentCode',
      'body.durations.0.stageCode',
      'body.units.4.groupings.SET-A',
      'body.units.4.parentCode',
    ]);
    expect(await db.administrativeUnit.count()).toBe(0);
  });

  it('answers a dry run with the changes it would make and writes nothing', async () => {
    const result = await importOk(provinceFixture(), true);
    expect(result.dryRun).toBe(true);
    expect(result.changes.length).toBeGreaterThan(5);
    expect(await db.administrativeUnit.count()).toBe(0);
    expect(await db.province.count()).toBe(0);
  });

  it('exports a province so that importing the export changes nothing', async () => {
    await importOk(provinceFixture());
    const exported = await exportProvinceCatalog(db, 'P1');
    const result = await importOk(exported);
    expect(result.changes).toEqual([]);
  });

  it('replaces the departments of a criterion named in the file and keeps the others', async () => {
    await importOk(provinceFixture());
    const file = { format: 'ntm-catalog/1', province: provinceFixture().province, assignments: [{ criteriaSetCode: 'SET-A', criterionCode: 'C3', departmentCode: 'SGT' }] };
    const result = await importOk(file);
    expect(result.changes).toEqual([{ entity: 'assignment', key: 'SET-A/C3/', action: 'update' }]);
    const after = await exportProvinceCatalog(db, 'P1');
    expect(after?.assignments.map((a) => `${a.criterionCode}:${a.departmentCode}`)).toEqual(['C1:SXD', 'C2:SGT', 'C3:SGT']);
  });
});
