import { parse } from 'csv-parse/sync';
import type { FieldError } from '@ntm/contracts';

/**
 * The catalog's CSV files (UTF-8 with or without a byte-order mark, comma-separated, a header row)
 * as their header and data rows, or the one error that stops reading them.
 */
export function readCsvTable(text: string): { ok: true; header: string[] | undefined; rows: string[][] } | { ok: false; errors: FieldError[] } {
  try {
    const records: string[][] = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false });
    const [header, ...rows] = records;
    return { ok: true, header, rows };
  } catch (e) {
    return { ok: false, errors: [{ location: 'body', message: `không đọc được tệp CSV: ${(e as Error).message}` }] };
  }
}

/** A header's problems, as one error at `body.header`: required columns missing, columns it does not know. */
export function headerErrors(header: readonly string[], required: readonly string[], known: (column: string) => boolean): FieldError[] {
  const missing = required.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !known(h));
  if (missing.length === 0 && unknown.length === 0) return [];
  return [{ location: 'body.header', message: [...missing.map((c) => `thiếu cột "${c}"`), ...unknown.map((c) => `cột lạ "${c}"`)].join('; ') }];
}
