import { z } from 'zod';
import { IsoDate, fromDayNumber, toDayNumber } from './iso-date.js';

/**
 * A province's yearly re-check calendar for one track (rà soát, thẩm định lại kết quả duy trì):
 * month-day dates, the same every year. Seed `001` gives the departments' deadline (trước ngày 20/6)
 * and the coordination office's report (trước ngày 25/6); the opening (1/5) and the commune's
 * re-assessment deadline (5/6) are this system's defaults, to be confirmed by each province.
 */
export const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'cần dạng MM-DD, ví dụ 05-01');
export const maintenanceCalendarFields = ['opensOn', 'selfAssessmentDue', 'appraisalDue', 'reportDue'] as const;
export type MaintenanceCalendarField = (typeof maintenanceCalendarFields)[number];
export type MaintenanceCalendar = Record<MaintenanceCalendarField, string>;

/** Used where a province has not set a date; always shown labelled as a default. */
export const defaultMaintenanceCalendar: MaintenanceCalendar = {
  opensOn: '05-01',
  selfAssessmentDue: '06-05',
  appraisalDue: '06-20',
  reportDue: '06-25',
};

export const maintenanceCalendarLabels: Record<MaintenanceCalendarField, string> = {
  opensOn: 'ngày mở đợt rà soát',
  selfAssessmentDue: 'hạn xã (thôn) tự rà soát, đánh giá lại',
  appraisalDue: 'hạn các sở, ngành thẩm định lại',
  reportDue: 'hạn Văn phòng Điều phối báo cáo',
};

/** The calendar in force: the province's dates where set, defaults elsewhere, and which are defaults. */
export function maintenanceCalendarOf(configured: Partial<MaintenanceCalendar> | null): { calendar: MaintenanceCalendar; defaults: MaintenanceCalendarField[] } {
  const calendar = { ...defaultMaintenanceCalendar };
  const defaults: MaintenanceCalendarField[] = [];
  for (const field of maintenanceCalendarFields) {
    const value = configured?.[field];
    if (value === undefined) defaults.push(field);
    else calendar[field] = value;
  }
  return { calendar, defaults };
}

/** The calendar's dates in one year (29 February falls back to 28 in other years). */
export function campaignDates(calendar: MaintenanceCalendar, year: number): MaintenanceCalendar {
  const dateIn = (md: string) => {
    const iso = `${String(year).padStart(4, '0')}-${md}`;
    return IsoDate.safeParse(iso).success ? iso : fromDayNumber(toDayNumber(`${String(year).padStart(4, '0')}-${md.slice(0, 2)}-01`) + Number(md.slice(3)) - 2);
  };
  return { opensOn: dateIn(calendar.opensOn), selfAssessmentDue: dateIn(calendar.selfAssessmentDue), appraisalDue: dateIn(calendar.appraisalDue), reportDue: dateIn(calendar.reportDue) };
}

/** Why a calendar cannot be used: each date must exist and come after the one before it (the report may fall on the appraisal deadline). */
export function maintenanceCalendarProblems(calendar: MaintenanceCalendar): Array<{ field: MaintenanceCalendarField; message: string }> {
  const problems: Array<{ field: MaintenanceCalendarField; message: string }> = [];
  for (const field of maintenanceCalendarFields) {
    if (!MonthDay.safeParse(calendar[field]).success || !IsoDate.safeParse(`2024-${calendar[field]}`).success) {
      problems.push({ field, message: `${maintenanceCalendarLabels[field]} "${calendar[field]}" không phải ngày hợp lệ dạng MM-DD` });
    }
  }
  if (problems.length > 0) return problems;
  const order = (a: MaintenanceCalendarField, b: MaintenanceCalendarField, allowEqual: boolean) => {
    const ok = allowEqual ? calendar[a] <= calendar[b] : calendar[a] < calendar[b];
    if (!ok) problems.push({ field: b, message: `${maintenanceCalendarLabels[b]} (${calendar[b]}) phải sau ${maintenanceCalendarLabels[a]} (${calendar[a]})` });
  };
  order('opensOn', 'selfAssessmentDue', false);
  order('selfAssessmentDue', 'appraisalDue', false);
  order('appraisalDue', 'reportDue', true);
  return problems;
}
