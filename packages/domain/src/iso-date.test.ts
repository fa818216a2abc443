import { describe, expect, it } from 'vitest';
import { dayOfWeek, formatDocumentDate, formatVietnameseDate, fromDayNumber, toDayNumber } from './iso-date.js';

describe('toDayNumber / fromDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it.each(['2024-02-29', '2026-02-17', '2000-12-31', '0099-06-15', '1969-07-20'])('round-trips %s', (date) => {
    expect(fromDayNumber(toDayNumber(date))).toBe(date);
  });

  it('crosses month, leap-day and year ends', () => {
    expect(fromDayNumber(toDayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(fromDayNumber(toDayNumber('2025-02-28') + 1)).toBe('2025-03-01');
    expect(fromDayNumber(toDayNumber('2025-12-31') + 1)).toBe('2026-01-01');
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-5', '2025-01-05T00:00:00Z', ''])('rejects %j', (date) => {
    expect(() => toDayNumber(date)).toThrow(RangeError);
  });

  it('rejects a fractional day number', () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-02-17', 2], // Tết Bính Ngọ, a Tuesday
    ['2026-02-14', 6],
    ['2026-02-15', 0],
    ['1969-12-28', 0],
  ])('%s is day %i', (date, expected) => {
    expect(dayOfWeek(toDayNumber(date))).toBe(expected);
  });
});

describe('formatVietnameseDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2025-07-01')).toBe('01/07/2025');
  });
});

describe('formatDocumentDate', () => {
  it('pads days below 10 and the months January and February, as Nghị định 30/2020/NĐ-CP writes dates', () => {
    expect(formatDocumentDate('2026-12-05')).toBe('ngày 05 tháng 12 năm 2026');
    expect(formatDocumentDate('2026-02-14')).toBe('ngày 14 tháng 02 năm 2026');
    expect(formatDocumentDate('2026-03-08')).toBe('ngày 08 tháng 3 năm 2026');
  });
});
