import { bandLabel as reportBandLabel } from '@ntm/reports/words';
import type { components } from '../api/generated/dossier-api.js';

export type ProgressReport = components['schemas']['ProgressReport'];

/** A band of criteria met as the report's files write it, starting a table cell: "19 tiêu chí", "Dưới 5 tiêu chí". */
export function bandLabel(band: { min: number; max: number }): string {
  const label = reportBandLabel(band);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What the report's groups are: the province's districts, or the country's provinces. */
export function groupWord(level: ProgressReport['groupLevel']): string {
  return level === 'province' ? 'Tỉnh' : 'Huyện';
}

/** A change since the comparison date with its sign: "+2", "−0,5", "0". */
export function signed(value: number, format: (n: number) => string): string {
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
}
