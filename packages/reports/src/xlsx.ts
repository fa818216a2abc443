import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ComparedReport } from './model.js';
import { reportTables, type ColumnKind } from './tables.js';
import { formatDate } from './words.js';

const numFmt: Record<ColumnKind, string | undefined> = { text: undefined, integer: '0', decimal: '0.00' };

/**
 * Writes the report as an XLSX workbook to `out`, one sheet per table, Vietnamese headers, numbers
 * as numbers. Streamed: rows are committed as they are written, so a national export never holds
 * the whole file in memory.
 */
export async function writeReportXlsx(report: ComparedReport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'NTM';
  workbook.title = `Báo cáo kết quả xây dựng nông thôn mới: ${report.scope.name}, đến ngày ${formatDate(report.asOf)}`;
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = table.columns.map((c) => ({ width: c.width ?? 14, style: numFmt[c.kind] ? { numFmt: numFmt[c.kind] } : {} }));
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 12 };
    title.commit();
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.commit();
    for (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}
