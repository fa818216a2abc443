import { RegisterRecognitionBody, recognitionCsvColumns, type FieldError } from '@ntm/contracts';
import { headerErrors, readCsvTable } from './csv-table.js';

/**
 * Earlier recognitions from a CSV file (UTF-8, comma-separated, header row):
 *   unit_code,track_code,year,decision_number,signed_on,signer,signer_title
 * `signer_title` may be empty. Rows are reported 1-based as in a spreadsheet (header = row 1),
 * located `body.rows.<row>.<column>`, as the units CSV reports them.
 */
export type RecognitionsCsvResult = { ok: true; rows: RegisterRecognitionBody[] } | { ok: false; errors: FieldError[] };

const columnOf: Record<string, string> = { unitCode: 'unit_code', trackCode: 'track_code', decisionNumber: 'decision_number', signedOn: 'signed_on', signerTitle: 'signer_title' };
export const csvLocation = (index: number, field: string) => `body.rows.${index + 2}.${columnOf[field] ?? field}`;

export function parseRecognitionsCsv(text: string): RecognitionsCsvResult {
  const table = readCsvTable(text);
  if (!table.ok) return table;
  const { header, rows: records_ } = table;
  if (!header) return { ok: false, errors: [{ location: 'body', message: 'tệp CSV trống' }] };
  const known: readonly string[] = recognitionCsvColumns;
  const headerProblems = headerErrors(header, recognitionCsvColumns.filter((c) => c !== 'signer_title'), (h) => known.includes(h));
  if (headerProblems.length > 0) return { ok: false, errors: headerProblems };
  if (records_.length === 0) return { ok: false, errors: [{ location: 'body', message: 'tệp CSV không có dòng dữ liệu nào' }] };
  const errors: FieldError[] = [];
  const rows: RegisterRecognitionBody[] = [];
  records_.forEach((cells, i) => {
    const cell = (name: string) => cells[header.indexOf(name)] ?? '';
    const year = cell('year');
    const parsed = RegisterRecognitionBody.safeParse({
      unitCode: cell('unit_code'),
      trackCode: cell('track_code'),
      year: /^\d{4}$/.test(year) ? Number(year) : year,
      decisionNumber: cell('decision_number'),
      signedOn: cell('signed_on'),
      signer: cell('signer'),
      signerTitle: cell('signer_title') || null,
    });
    if (parsed.success) rows.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ location: csvLocation(i, String(issue.path[0] ?? '')), message: issue.message });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
