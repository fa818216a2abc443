import { addDuration, type Duration, type WorkingCalendar } from './calendar.js';
import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';

/**
 * Vietnam's calendar, once: every "today", due date and stored date of the system comes from
 * here, in the workflows (with workflow time), the services and the process-control record.
 *
 * Asia/Ho_Chi_Minh has been UTC+7 all year since 1975 (no daylight saving), so a fixed offset is
 * exact for every date the system handles, and needs no time-zone data inside the workflow sandbox.
 */
export const vietnamTimeZone = 'Asia/Ho_Chi_Minh';
const offsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;

type Instant = Date | number;
const msOf = (at: Instant) => (typeof at === 'number' ? at : at.getTime());

/** The calendar day in Vietnam of an instant (a Date, or epoch milliseconds such as workflow time). */
export function vietnamDay(at: Instant): IsoDate {
  return fromDayNumber(Math.floor((msOf(at) + offsetMs) / dayMs));
}

/** The first millisecond of a Vietnamese calendar day (00:00 in Hà Nội). */
export function startOfVietnamDay(date: IsoDate): number {
  return toDayNumber(date) * dayMs - offsetMs;
}

/** The last millisecond of a Vietnamese calendar day: a deadline on that day ends then. */
export function endOfVietnamDay(date: IsoDate): number {
  return startOfVietnamDay(date) + dayMs - 1;
}

/** The day `days` calendar days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The last day of a step that started at `startedAt`, counted in Vietnam's days and the
 * province's working calendar: the appraisal's due date and the process-control record both use it.
 */
export function dueDateOf(startedAt: Instant, budget: Duration, calendar: WorkingCalendar): IsoDate {
  return addDuration(vietnamDay(startedAt), budget, calendar);
}

/**
 * A date as a PostgreSQL `date` column takes it: Prisma maps such a column to a JavaScript Date
 * at midnight UTC of that day. Use these two, never the Date's own local or UTC getters.
 */
export function toStoredDate(date: IsoDate): Date {
  return new Date(toDayNumber(date) * dayMs);
}

/** The calendar date a `date` column holds (see `toStoredDate`). */
export function fromStoredDate(stored: Date): IsoDate {
  return fromDayNumber(Math.floor(stored.getTime() / dayMs));
}
