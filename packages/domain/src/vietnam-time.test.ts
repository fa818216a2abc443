import { describe, expect, it } from 'vitest';
import { addDays, dueDateOf, endOfVietnamDay, fromStoredDate, startOfVietnamDay, toStoredDate, vietnamDay } from './vietnam-time.js';

const calendar = { holidays: ['2026-03-09'] };

describe("Vietnam's calendar", () => {
  it('gives the day in Hà Nội: 17:00 UTC is already the next day', () => {
    expect(vietnamDay(new Date('2026-03-16T16:59:59.999Z'))).toBe('2026-03-16');
    expect(vietnamDay(new Date('2026-03-16T17:00:00Z'))).toBe('2026-03-17');
    expect(vietnamDay(Date.parse('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('bounds a day from 00:00 to 23:59:59.999 in Hà Nội', () => {
    expect(new Date(startOfVietnamDay('2026-03-17')).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    expect(new Date(endOfVietnamDay('2026-03-17')).toISOString()).toBe('2026-03-17T16:59:59.999Z');
    expect(vietnamDay(startOfVietnamDay('2026-03-17'))).toBe('2026-03-17');
    expect(vietnamDay(endOfVietnamDay('2026-03-17'))).toBe('2026-03-17');
  });

  it('gives the same due date to a step started at 00:30 and at 23:30 of one Vietnamese day', () => {
    const budget = { amount: 5, unit: 'working_days' as const };
    // Thursday 2026-03-05; five working days skipping the weekend and the 9th (a holiday) is Friday the 13th.
    expect(dueDateOf(new Date('2026-03-04T17:30:00Z'), budget, calendar)).toBe('2026-03-13');
    expect(dueDateOf(new Date('2026-03-05T16:30:00Z'), budget, calendar)).toBe('2026-03-13');
    expect(dueDateOf(new Date('2026-03-05T17:30:00Z'), budget, calendar)).toBe('2026-03-16');
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-02-20', 15)).toBe('2026-03-07');
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('converts dates to and from date columns (midnight UTC) whatever the instant', () => {
    expect(toStoredDate('2026-03-05').toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(fromStoredDate(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
    expect(fromStoredDate(toStoredDate('1999-12-31'))).toBe('1999-12-31');
  });
});
