import type { components } from '../api/generated/dossier-api.js';

export type ProgressReport = components['schemas']['ProgressReport'];
type Band = { min: number; max: number };

/** A band of criteria met as the province's reports write it: "19", "15–18", "dưới 5". */
export function bandLabel(band: Band): string {
  if (band.min === band.max) return `${band.min} tiêu chí`;
  if (band.min === 0) return `Dưới ${band.max + 1} tiêu chí`;
  return `${band.min}–${band.max} tiêu chí`;
}

/** What the report's groups are: the province's districts, or the country's provinces. */
export function groupWord(level: ProgressReport['groupLevel']): string {
  return level === 'province' ? 'Tỉnh' : 'Huyện';
}

/** A change since the comparison date with its sign: "+2", "−0,5", "0". */
export function signed(value: number, format: (n: number) => string): string {
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
}
