import { parse } from 'csv-parse/sync';
import { UnitMergerRow, type FieldError } from '@ntm/contracts';

/**
 * A province's merger table from CSV (UTF-8, comma-separated, header row):
 *   former_code,new_code,effective_on
 * one row per former unit and the unit it merged into. Rows are reported 1-based as in a
 * spreadsheet (header = row 1), as `body.rows.<row>.<column>`.
 */
export const mergerCsvColumns = ['former_code', 'new_code', 'effective_on'] as const;
const fieldColumn: Record<string, string> = { formerUnitCode: 'former_code', newUnitCode: 'new_code', effectiveOn: 'effective_on' };

export type MergersCsvResult = { ok: true; rows: UnitMergerRow[] } | { ok: false; errors: FieldError[] };

export function parseMergersCsv(text: string): MergersCsvResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    return { ok: false, errors: [{ location: 'body', message: `không đọc được tệp CSV: ${(e as Error).message}` }] };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { ok: false, errors: [{ location: 'body', message: 'tệp CSV không có dòng dữ liệu nào' }] };
  const missing = mergerCsvColumns.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(mergerCsvColumns as readonly string[]).includes(h));
  if (missing.length > 0 || unknown.length > 0) {
    return { ok: false, errors: [{ location: 'body.header', message: [...missing.map((c) => `thiếu cột "${c}"`), ...unknown.map((c) => `cột lạ "${c}"`)].join('; ') }] };
  }
  const errors: FieldError[] = [];
  const parsed: UnitMergerRow[] = [];
  rows.forEach((cells, i) => {
    const cell = (name: string) => cells[header.indexOf(name)] ?? '';
    const row = UnitMergerRow.safeParse({ formerUnitCode: cell('former_code'), newUnitCode: cell('new_code'), effectiveOn: cell('effective_on') });
    if (row.success) parsed.push(row.data);
    else for (const issue of row.error.issues) errors.push({ location: `body.rows.${i + 2}.${fieldColumn[String(issue.path[0])] ?? ''}`, message: issue.message });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: parsed };
}

/** Where a row's field is in the CSV: the spreadsheet row and column. */
export const csvLocation = (index: number, field: keyof UnitMergerRow) => `body.rows.${index + 2}.${fieldColumn[field] ?? field}`;
