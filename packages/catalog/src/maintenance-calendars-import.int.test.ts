import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { exportProvinceCatalog } from './export.js';
import { nationalFixture, provinceFixture } from './fixtures.test-data.js';
import { importCatalog } from './import.js';

const config = testConfig();

describe('the yearly re-check calendar in the catalog file (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    const national = await importCatalog(db, nationalFixture());
    expect(national.ok).toBe(true);
  });
  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  const withCalendars = (maintenanceCalendars: unknown[]) => ({ ...provinceFixture(), maintenanceCalendars });

  it('sets a track\'s dates, keeps the ones left out as labelled defaults, exports them as given and changes nothing on a second import', async () => {
    const first = await importCatalog(db, withCalendars([{ trackCode: 'T-NTM', opensOn: '04-15', appraisalDue: '06-18' }]), { by: { actor: 'quan-tri', role: 'system_admin', requestId: null } });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.changes).toContainEqual({ entity: 'maintenanceCalendar', key: 'T-NTM', action: 'create' });
    expect(await db.maintenanceCalendar.findUniqueOrThrow({ where: { provinceCode_trackCode: { provinceCode: 'P1', trackCode: 'T-NTM' } } })).toMatchObject({
      opensOn: '04-15', selfAssessmentDue: '06-05', appraisalDue: '06-18', reportDue: '06-25', defaultFields: ['selfAssessmentDue', 'reportDue'], updatedBy: 'quan-tri',
    });
    const exported = await exportProvinceCatalog(db, 'P1');
    expect(exported?.maintenanceCalendars).toEqual([{ trackCode: 'T-NTM', opensOn: '04-15', appraisalDue: '06-18' }]);
    const again = await importCatalog(db, exported);
    expect(again.ok && again.changes).toEqual([]);

    const changed = await importCatalog(db, withCalendars([{ trackCode: 'T-NTM', opensOn: '04-15', selfAssessmentDue: '06-01', appraisalDue: '06-18' }]));
    expect(changed.ok && changed.changes.filter((c) => c.entity === 'maintenanceCalendar')).toEqual([{ entity: 'maintenanceCalendar', key: 'T-NTM', action: 'update' }]);
    expect((await db.maintenanceCalendar.findFirstOrThrow()).defaultFields).toEqual(['reportDue']);
  });

  it('refuses an unknown track and dates out of order, each naming its field, and writes nothing', async () => {
    const before = await db.maintenanceCalendar.findFirstOrThrow();
    const result = await importCatalog(db, withCalendars([{ trackCode: 'T-KHONG-CO' }, { trackCode: 'T-NTM', opensOn: '07-01' }, { trackCode: 'T-NTM', reportDue: '02-30' }]));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.location)).toEqual(['body.maintenanceCalendars.0.trackCode', 'body.maintenanceCalendars.1.selfAssessmentDue', 'body.maintenanceCalendars.2.reportDue']);
    expect(errors[0]?.message).toBe('không có loại hồ sơ "T-KHONG-CO"');
    expect(await db.maintenanceCalendar.findFirstOrThrow()).toEqual(before);
  });
});
