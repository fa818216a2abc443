import { z } from 'zod';

/** A calendar date without time or zone, `YYYY-MM-DD` (validated as a real date). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

const msPerDay = 86_400_000;

/**
 * Days since 1970-01-01 for an ISO date. Date arithmetic in this package works on these
 * integers, so there are no time zones and no daylight-saving shifts. Throws on an invalid date.
 */
export function toDayNumber(date: string): number {
  if (!IsoDate.safeParse(date).success) throw new RangeError(`Invalid ISO date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Built from epoch 0 with setUTCFullYear: the Date(y, m, d) forms map years 0–99 to 19xx.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / msPerDay;
}

export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Not a whole day number: ${dayNumber}`);
  const d = new Date(dayNumber * msPerDay);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** 0 = Sunday … 6 = Saturday, as in `Date.prototype.getUTCDay`. */
export function dayOfWeek(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 in range.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `dd/mm/yyyy`, the form Vietnamese administrative texts use. */
export function formatVietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * "ngày 05 tháng 3 năm 2026", the date line of an administrative document (Nghị định 30/2020/NĐ-CP):
 * days below 10 and the months January and February take a leading zero, other months do not.
 */
export function formatDocumentDate(date: string): string {
  const [year, month, day] = date.split('-') as [string, string, string];
  const m = Number(month);
  return `ngày ${day} tháng ${m <= 2 ? month : String(m)} năm ${year}`;
}
