import type { ComparedReport } from './model.js';
import { reportTables } from './tables.js';

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const rowsPerChunk = 500;

/**
 * The report as CSV (UTF-8 with a byte-order mark for spreadsheets): each table as its title row,
 * its header row and its rows, tables separated by an empty line. Numbers with a decimal point.
 * Yields a table's head, then its rows a few hundred at a time, so a caller streams it (a country's
 * commune table is ten thousand rows) and never holds the whole file.
 */
export function* reportCsvChunks(report: ComparedReport): Generator<string> {
  yield '\uFEFF';
  const line = (row: readonly (string | number | null)[]) => row.map(cell).join(',');
  let first = true;
  for (const table of reportTables(report)) {
    yield `${first ? '' : '\r\n'}${cell(table.title)}\r\n${line(table.columns.map((c) => c.header))}\r\n`;
    first = false;
    for (let i = 0; i < table.rows.length; i += rowsPerChunk) {
      yield table.rows.slice(i, i + rowsPerChunk).map((row) => `${line(row)}\r\n`).join('');
    }
  }
}
