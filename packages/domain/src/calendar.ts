import { z } from 'zod';
import { dayOfWeek, fromDayNumber, toDayNumber } from './iso-date.js';

export const DurationUnit = z.enum(['days', 'working_days']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const Duration = z.object({ amount: z.number().int().min(0), unit: DurationUnit });
export type Duration = z.infer<typeof Duration>;

export type WorkingCalendar = {
  /** Public holidays and compensatory days off, as ISO dates. */
  holidays: readonly string[];
  /** 0 = Sunday … 6 = Saturday; default [0, 6]. */
  weekendDays?: readonly number[];
};

const defaultWeekendDays = [0, 6] as const;

type CompiledCalendar = { isWorkingDay: (dayNumber: number) => boolean };

function compile(calendar: WorkingCalendar): CompiledCalendar {
  const weekend = new Set(calendar.weekendDays ?? defaultWeekendDays);
  for (const day of weekend) {
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(`Invalid weekend day: ${day}`);
  }
  // Some weekday must be a working day, or counting working days would never end.
  if (weekend.size === 7) throw new RangeError('A calendar needs at least one working weekday');
  const holidays = new Set(calendar.holidays.map(toDayNumber));
  return { isWorkingDay: (d) => !weekend.has(dayOfWeek(d)) && !holidays.has(d) };
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return compile(calendar).isWorkingDay(toDayNumber(date));
}

/**
 * The deadline reached `duration` after `start`. The start day never counts (the period begins
 * the next day, as Bộ luật Dân sự 2015 art. 147 counts periods):
 * - days: plain calendar addition, start + N;
 * - working_days: the Nth working day after start, skipping weekends and holidays; a start on a
 *   weekend or holiday therefore lands on working day N after it.
 * An amount of 0 returns `start` unchanged in both units.
 */
export function addDuration(start: string, duration: Duration, calendar: WorkingCalendar): string {
  const { amount, unit } = duration;
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`Invalid duration amount: ${amount}`);
  const startDay = toDayNumber(start);
  switch (unit) {
    case 'days':
      return fromDayNumber(startDay + amount);
    case 'working_days': {
      const { isWorkingDay: working } = compile(calendar);
      let day = startDay;
      for (let counted = 0; counted < amount; ) {
        day += 1;
        if (working(day)) counted += 1;
      }
      return fromDayNumber(day);
    }
  }
}

/**
 * Working days in the interval (a, b]: `a` does not count, `b` does. This is the inverse of
 * `addDuration`: workingDaysBetween(s, addDuration(s, n working days)) === n. Negative when b < a.
 */
export function workingDaysBetween(a: string, b: string, calendar: WorkingCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, calendar);
  const { isWorkingDay: working } = compile(calendar);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (working(day)) count += 1;
  }
  return count;
}
