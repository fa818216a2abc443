import type { ComparedReport } from './model.js';
import { reportTables } from './tables.js';

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The report as CSV (UTF-8 with a byte-order mark for spreadsheets): each table as its title row,
 * its header row and its rows, tables separated by an empty line. Numbers with a decimal point.
 * Yields one chunk per table, so a caller can stream it.
 */
export function* reportCsvChunks(report: ComparedReport): Generator<string> {
  yield '\uFEFF';
  let first = true;
  for (const table of reportTables(report)) {
    const lines = [table.title, table.columns.map((c) => c.header), ...table.rows].map((row) => (typeof row === 'string' ? cell(row) : row.map(cell).join(',')));
    yield `${first ? '' : '\r\n'}${lines.join('\r\n')}\r\n`;
    first = false;
  }
}
