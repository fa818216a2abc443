import type { Band } from './model.js';

/** Thousands grouped by a dot, as Vietnamese documents write them: "3.000", "10.200". */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Numbers and dates as Vietnamese reports print them: decimal comma "14,44", "1.234,5", dates dd/mm/yyyy. */
export function formatDecimal(n: number, digits = 2): string {
  const fixed = n.toFixed(digits);
  const trimmed = digits > 0 ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  const [whole = '', fraction] = trimmed.split('.');
  return fraction === undefined ? grouped(whole) : `${grouped(whole)},${fraction}`;
}

/** A count as the seeds write small ones: "05", "40", and large ones grouped: "3.000". */
export const formatCount = (n: number) => grouped(String(n).padStart(2, '0'));

/** A whole number grouped by thousands, unpadded: "7", "3.864". */
export const formatInteger = (n: number) => formatDecimal(n, 0);

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A change as a report words it: "tăng 2 xã", "giảm 0,4 tiêu chí", "không thay đổi". */
export function formatChange(n: number, unit: string, digits = 2): string {
  const amount = `${formatDecimal(Math.abs(n), digits)} ${unit}`;
  return n > 0 ? `tăng ${amount}` : n < 0 ? `giảm ${amount}` : 'không thay đổi';
}

/** "19 tiêu chí", "15–18 tiêu chí", "dưới 5 tiêu chí". */
export function bandLabel(b: Band): string {
  if (b.min === 0) return `dưới ${b.max + 1} tiêu chí`;
  if (b.min === b.max) return `${b.min} tiêu chí`;
  return `${b.min}–${b.max} tiêu chí`;
}

/** Parses a band list "19,15-18,10-14,0-9" (what a province reports by); null when malformed. */
export function parseBands(text: string): Band[] | null {
  const bands: Band[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,2})\s*(?:[-–]\s*(\d{1,2}))?\s*$/.exec(part);
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    if (max < min) return null;
    bands.push({ min, max });
  }
  return bands.length > 0 ? bands : null;
}

export const sourceLabel = { appraisal: 'Kết quả thẩm định', self_assessment: 'Tự đánh giá' } as const;

export const scopeLevelName = { country: 'Toàn quốc', province: 'Toàn tỉnh', district: 'Toàn huyện' } as const;
export const groupLevelName = { province: 'Tỉnh, thành phố', district: 'Huyện, thị xã, thành phố' } as const;
