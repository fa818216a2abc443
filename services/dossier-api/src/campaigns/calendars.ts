import type { MaintenanceCalendarView } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { maintenanceCalendarLabels, maintenanceCalendarOf, maintenanceCalendarFields, type MaintenanceCalendar, type MaintenanceCalendarField } from '@ntm/domain';

const isField = (f: string): f is MaintenanceCalendarField => (maintenanceCalendarFields as readonly string[]).includes(f);

/** A track's calendar in a province as people read it: dates, which are defaults, and a note saying so. */
export function calendarView(provinceCode: string, trackCode: string, calendar: MaintenanceCalendar, defaults: readonly MaintenanceCalendarField[]): MaintenanceCalendarView {
  return {
    provinceCode,
    trackCode,
    ...calendar,
    defaults: [...defaults],
    note: defaults.length === 0 ? null : `Ngày mặc định của hệ thống, tỉnh chưa quy định: ${defaults.map((f) => `${maintenanceCalendarLabels[f]} (${calendar[f]})`).join('; ')}.`,
  };
}

/** The calendar in force for every track of the catalog in a province, defaults labelled. */
export async function readCalendars(db: Db, provinceCode: string, trackCode?: string): Promise<MaintenanceCalendarView[]> {
  const [tracks, rows] = await Promise.all([
    db.track.findMany({ where: trackCode ? { code: trackCode } : {}, select: { code: true }, orderBy: { code: 'asc' } }),
    db.maintenanceCalendar.findMany({ where: { provinceCode, ...(trackCode ? { trackCode } : {}) } }),
  ]);
  const rowOf = new Map(rows.map((r) => [r.trackCode, r]));
  return tracks.map(({ code }) => {
    const row = rowOf.get(code);
    if (!row) {
      const { calendar, defaults } = maintenanceCalendarOf(null);
      return calendarView(provinceCode, code, calendar, defaults);
    }
    const { opensOn, selfAssessmentDue, appraisalDue, reportDue } = row;
    return calendarView(provinceCode, code, { opensOn, selfAssessmentDue, appraisalDue, reportDue }, row.defaultFields.filter(isField));
  });
}
