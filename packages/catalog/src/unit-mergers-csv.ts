import { UnitMergerRow, type FieldError } from '@ntm/contracts';
import { headerErrors, readCsvTable } from './csv-table.js';

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
  const table = readCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table;
  if (!header || rows.length === 0) return { ok: false, errors: [{ location: 'body', message: 'tệp CSV không có dòng dữ liệu nào' }] };
  const headerProblems = headerErrors(header, mergerCsvColumns, (h) => (mergerCsvColumns as readonly string[]).includes(h));
  if (headerProblems.length > 0) return { ok: false, errors: headerProblems };
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
