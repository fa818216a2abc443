import { CatalogUnit, type FieldError } from '@ntm/contracts';
import { headerErrors, readCsvTable } from './csv-table.js';

/**
 * Units from a CSV file (UTF-8, comma-separated, header row):
 *   code,name,level,parent_code,valid_from,valid_to[,special_difficulty][,group:<criteria set code> …]
 * `valid_to`, `special_difficulty` (true/false, Quyết định 318/QĐ-TTg Điều 1) and group cells may be empty. Rows are reported 1-based as in a spreadsheet (header = row 1).
 */
export const unitCsvColumns = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'] as const;
const optionalColumns = ['special_difficulty'];

export type UnitsCsvResult = { ok: true; units: CatalogUnit[] } | { ok: false; errors: FieldError[] };

export function parseUnitsCsv(text: string): UnitsCsvResult {
  const table = readCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table;
  if (!header) return { ok: false, errors: [{ location: 'body', message: 'tệp CSV trống' }] };
  const headerProblems = headerErrors(header, unitCsvColumns, (h) => (unitCsvColumns as readonly string[]).includes(h) || optionalColumns.includes(h) || h.startsWith('group:'));
  if (headerProblems.length > 0) return { ok: false, errors: headerProblems };

  const errors: FieldError[] = [];
  const units: CatalogUnit[] = [];
  rows.forEach((cells, i) => {
    const cell = (name: string) => cells[header.indexOf(name)] ?? '';
    const groupings = Object.fromEntries(
      header.filter((h) => h.startsWith('group:') && cell(h) !== '').map((h) => [h.slice('group:'.length), cell(h)]),
    );
    const parsed = CatalogUnit.safeParse({
      code: cell('code'),
      name: cell('name'),
      level: cell('level'),
      parentCode: cell('parent_code') || null,
      validFrom: cell('valid_from'),
      validTo: cell('valid_to') || null,
      groupings,
      specialDifficulty: { '': false, false: false, true: true }[cell('special_difficulty')] ?? cell('special_difficulty'),
    });
    if (parsed.success) units.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ location: `body.rows.${i + 2}.${csvColumn(issue.path)}`, message: issue.message });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, units };
}

function csvColumn(path: PropertyKey[]): string {
  const [field, sub] = path.map(String);
  const names: Record<string, string> = { parentCode: 'parent_code', validFrom: 'valid_from', validTo: 'valid_to', specialDifficulty: 'special_difficulty' };
  return field === 'groupings' ? `group:${sub ?? ''}` : (names[field ?? ''] ?? field ?? '');
}
