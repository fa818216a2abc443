import { describe, expect, it } from 'vitest';
import { addDuration, isWorkingDay, workingDaysBetween } from './calendar.js';

const noHolidays = { holidays: [] };
// Tết Bính Ngọ 2026 as data: Saturday 14 February to Sunday 22 February.
const tet2026 = {
  holidays: ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'],
};
const workingDays = (amount: number) => ({ amount, unit: 'working_days' as const });

describe('addDuration in calendar days', () => {
  it('adds plainly, across weekends, holidays and month ends', () => {
    expect(addDuration('2026-02-10', { amount: 10, unit: 'days' }, tet2026)).toBe('2026-02-20');
    expect(addDuration('2024-02-28', { amount: 2, unit: 'days' }, noHolidays)).toBe('2024-03-01');
  });

  it('returns the start for 0 days', () => {
    expect(addDuration('2026-02-14', { amount: 0, unit: 'days' }, noHolidays)).toBe('2026-02-14');
  });
});

describe('addDuration in working days', () => {
  it('does not count the start day', () => {
    // Monday 2 March 2026 → Tuesday.
    expect(addDuration('2026-03-02', workingDays(1), noHolidays)).toBe('2026-03-03');
  });

  it('skips a weekend', () => {
    // Thursday 5 March 2026 + 3 → Fri 6, Mon 9, Tue 10.
    expect(addDuration('2026-03-05', workingDays(3), noHolidays)).toBe('2026-03-10');
  });

  it('skips a single holiday', () => {
    // Friday 24 April 2026 + 1, with Monday 27 April a holiday in this test calendar.
    const calendar = { holidays: ['2026-04-27'] };
    expect(addDuration('2026-04-24', workingDays(1), calendar)).toBe('2026-04-28');
  });

  it('lands after Tết: 10 working days from Tuesday 10 February 2026', () => {
    // Wed 11, Thu 12, Fri 13, then Mon 23 … Fri 27, Mon 2 and Tue 3 March.
    expect(addDuration('2026-02-10', workingDays(10), tet2026)).toBe('2026-03-03');
  });

  it('returns the start for 0 working days, even on a holiday', () => {
    expect(addDuration('2026-02-17', workingDays(0), tet2026)).toBe('2026-02-17');
  });

  it('starting on a weekend, the first working day after it is day 1', () => {
    expect(addDuration('2026-03-07', workingDays(1), noHolidays)).toBe('2026-03-09');
  });

  it('starting on a holiday, counts from the first working day after it', () => {
    expect(addDuration('2026-02-17', workingDays(1), tet2026)).toBe('2026-02-23');
  });

  it('honours a custom weekend', () => {
    const sundayOnly = { holidays: [], weekendDays: [0] };
    // Friday 6 March 2026 + 1 → Saturday.
    expect(addDuration('2026-03-06', workingDays(1), sundayOnly)).toBe('2026-03-07');
  });

  it('rejects a negative or fractional amount and a calendar without working days', () => {
    expect(() => addDuration('2026-03-02', workingDays(-1), noHolidays)).toThrow(RangeError);
    expect(() => addDuration('2026-03-02', workingDays(1.5), noHolidays)).toThrow(RangeError);
    expect(() => addDuration('2026-03-02', workingDays(1), { holidays: [], weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(
      RangeError,
    );
  });

  it('rejects an invalid holiday date', () => {
    expect(() => addDuration('2026-03-02', workingDays(1), { holidays: ['2026-02-30'] })).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b]: Monday to Friday of one week is 4', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-06', noHolidays)).toBe(4);
  });

  it('is 0 for the same day and over a bare weekend', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02', noHolidays)).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-08', noHolidays)).toBe(0);
  });

  it('skips Tết and is negative when b is before a', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-23', tet2026)).toBe(1);
    expect(workingDaysBetween('2026-02-23', '2026-02-13', tet2026)).toBe(-1);
  });

  it.each([0, 1, 3, 10, 25])('inverts addDuration for %i working days across Tết', (n) => {
    const deadline = addDuration('2026-02-10', workingDays(n), tet2026);
    expect(workingDaysBetween('2026-02-10', deadline, tet2026)).toBe(n);
  });
});

describe('isWorkingDay', () => {
  it('distinguishes weekdays, weekends and holidays', () => {
    expect(isWorkingDay('2026-02-13', tet2026)).toBe(true);
    expect(isWorkingDay('2026-02-17', tet2026)).toBe(false);
    expect(isWorkingDay('2026-03-07', tet2026)).toBe(false);
  });
});
