import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call, type DossierHarness } from '../dossiers/test-harness.js';

const config = testConfig();

type Schedule = { scheduleId: string; exists: boolean; nextRunAt: string | null; calendar: { trackCode: string; opensOn: string; defaults: string[] } };

describe('the re-check calendar imported with the catalog file moves the campaign schedule (real Temporal dev server, PostgreSQL)', () => {
  let h: DossierHarness;
  let admin: Call;
  const schedules = async () => ((await h.call('GET', '/provinces/P1/campaign-schedules')).body as unknown as Schedule[]).filter((s) => s.calendar.trackCode === 'T-NTM');
  const importCalendar = (opensOn: string, dryRun = false) => admin('POST', `/catalog/import?dryRun=${dryRun}`, { ...provinceFixture(), maintenanceCalendars: [{ trackCode: 'T-NTM', opensOn }] });

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    admin = await h.callAs({ username: 'quan-tri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
  });
  afterAll(async () => {
    for (const s of await schedules()) await h.temporal.schedule.getHandle(s.scheduleId).delete().catch(() => undefined);
    await h.close();
  });

  it('creates or updates the province\'s schedule on the imported opening day, the other dates labelled defaults; a dry run changes nothing', async () => {
    const imported = await importCalendar('04-20');
    expect(imported.status).toBe(200);
    expect(imported.body.changes).toContainEqual({ entity: 'maintenanceCalendar', key: 'T-NTM', action: 'create', description: 'Thêm lịch rà soát duy trì hằng năm T-NTM' });
    const [created] = await schedules();
    expect(created).toMatchObject({ exists: true, calendar: { opensOn: '04-20', defaults: ['selfAssessmentDue', 'appraisalDue', 'reportDue'] } });
    // Midnight in Vietnam on 20 April, plus up to 4 hours of jitter.
    expect(created?.nextRunAt?.slice(5, 10)).toMatch(/^(04-19|04-20)$/);

    expect((await importCalendar('04-25', true)).status).toBe(200);
    expect((await schedules())[0]?.nextRunAt).toBe(created?.nextRunAt);
    expect((await importCalendar('04-25')).body.changes).toContainEqual(expect.objectContaining({ entity: 'maintenanceCalendar', action: 'update' }));
    const [moved] = await schedules();
    expect(moved).toMatchObject({ scheduleId: created?.scheduleId, calendar: { opensOn: '04-25' } });
    expect(moved?.nextRunAt?.slice(5, 10)).toMatch(/^(04-24|04-25)$/);
  });
});
