import { parse } from 'csv-parse/sync';
import type { FieldError } from '@ntm/contracts';
import { matchName, type StatusContext, type StatusEntry } from './status-validation.js';
import { IsoDate } from '@ntm/domain';

/**
 * Status records from a province's spreadsheet saved as CSV (UTF-8, header row). Columns, by their
 * code or their Vietnamese heading: unit_code (Mã đơn vị) or unit_name (Tên đơn vị) with
 * parent_name (Đơn vị cấp trên) where names repeat; criteria_set (Bộ tiêu chí; may be empty);
 * criterion (Tiêu chí: code, number or name); indicator (Chỉ tiêu); recorded_on (Ngày: YYYY-MM-DD or
 * dd/mm/yyyy); met (Kết quả: đạt / chưa đạt); source (Nguồn: thẩm định / tự đánh giá); value (Giá
 * trị); note (Ghi chú). Rows are numbered as in the spreadsheet (header = row 1).
 */
export const statusCsvColumns = {
  unit_code: 'Mã đơn vị',
  unit_name: 'Tên đơn vị',
  parent_name: 'Đơn vị cấp trên',
  criteria_set: 'Bộ tiêu chí',
  criterion: 'Tiêu chí',
  indicator: 'Chỉ tiêu',
  recorded_on: 'Ngày',
  met: 'Kết quả',
  source: 'Nguồn',
  value: 'Giá trị',
  note: 'Ghi chú',
} as const;
type Column = keyof typeof statusCsvColumns;

/** Where each entry field came from in the file, for error locations. */
export const statusCsvFields: Partial<Record<keyof StatusEntry, Column>> = {
  unitCode: 'unit_code',
  criteriaSetCode: 'criteria_set',
  criterionCode: 'criterion',
  indicatorCode: 'indicator',
  recordedOn: 'recorded_on',
};

const metWords: Record<string, boolean> = { dat: true, x: true, '1': true, true: true, co: true, 'chua dat': false, 'khong dat': false, '0': false, false: false, khong: false };
const sourceWords: Record<string, StatusEntry['source']> = { 'tham dinh': 'appraisal', appraisal: 'appraisal', 'tu danh gia': 'self_assessment', self_assessment: 'self_assessment', selfassessment: 'self_assessment', '': 'self_assessment' };

function columnOf(header: string): Column | null {
  const h = header.trim();
  if (h in statusCsvColumns) return h as Column;
  const folded = matchName(h);
  const found = (Object.entries(statusCsvColumns) as [Column, string][]).find(([, title]) => matchName(title) === folded);
  return found ? found[0] : null;
}

function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return IsoDate.safeParse(date).success ? date : null;
}

/** The rows read (those without errors) and every error; an import goes ahead only with no errors at all. */
export interface StatusCsvResult {
  entries: { row: number; entry: StatusEntry }[];
  errors: FieldError[];
}

export function parseStatusCsv(text: string, ctx: StatusContext): StatusCsvResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    return { entries: [], errors: [{ location: 'body', message: `không đọc được tệp CSV: ${(e as Error).message}` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { entries: [], errors: [{ location: 'body', message: 'tệp CSV trống' }] };
  const columns = header.map(columnOf);
  const unknown = header.filter((_, i) => columns[i] === null);
  const missing = (['criterion', 'recorded_on', 'met'] as const).filter((c) => !columns.includes(c));
  if (!columns.includes('unit_code') && !columns.includes('unit_name')) missing.push('unit_code hoặc unit_name' as never);
  if (unknown.length > 0 || missing.length > 0) {
    return { entries: [], errors: [{ location: 'body.header', message: [...missing.map((c) => `thiếu cột "${c}"`), ...unknown.map((c) => `cột lạ "${c}"`)].join('; ') }] };
  }

  const byName = new Map<string, StatusContext['units'][number][]>();
  for (const u of ctx.units) {
    const key = matchName(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const unitsByCode = new Map(ctx.units.map((u) => [u.code, u]));
  const errors: FieldError[] = [];
  const entries: { row: number; entry: StatusEntry }[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => cells[columns.indexOf(c)] ?? '';
    const fail = (c: Column, message: string) => errors.push({ location: `body.rows.${row}.${c}`, message });
    const before = errors.length;

    const recordedOn = parseDate(cell('recorded_on'));
    if (recordedOn === null) fail('recorded_on', `ngày "${cell('recorded_on')}" không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy)`);
    else if (recordedOn > ctx.today) fail('recorded_on', `ngày ${recordedOn} chưa đến (hôm nay là ${ctx.today})`);
    const met = metWords[matchName(cell('met'))];
    if (met === undefined) fail('met', `kết quả "${cell('met')}" không rõ (đạt hoặc chưa đạt)`);
    const source = sourceWords[matchName(cell('source'))];
    if (source === undefined) fail('source', `nguồn "${cell('source')}" không rõ (thẩm định hoặc tự đánh giá)`);

    let unit = cell('unit_code') === '' ? undefined : unitsByCode.get(cell('unit_code'));
    if (cell('unit_code') !== '' && !unit) fail('unit_code', `không có đơn vị "${cell('unit_code')}" trong tỉnh ${ctx.provinceCode}`);
    if (cell('unit_code') === '') {
      const parent = matchName(cell('parent_name'));
      const named = (byName.get(matchName(cell('unit_name'))) ?? []).filter((u) => parent === '' || (u.parentCode !== null && matchName(unitsByCode.get(u.parentCode)?.name ?? '') === parent));
      // Names repeat across the reform (a commune kept its name under another code): the one valid on the day.
      const valid = recordedOn === null ? named : named.filter((u) => u.validFrom <= recordedOn && (u.validTo === null || u.validTo >= recordedOn));
      const candidates = valid.length > 0 ? valid : named;
      if (candidates.length === 1) unit = candidates[0];
      else if (candidates.length === 0) fail('unit_name', `không tìm thấy đơn vị tên "${cell('unit_name')}"${parent === '' ? '' : ` thuộc "${cell('parent_name')}"`}; hãy ghi mã đơn vị`);
      else fail('unit_name', `có ${candidates.length} đơn vị tên "${cell('unit_name')}"; hãy ghi đơn vị cấp trên hoặc mã đơn vị`);
    }
    if (!unit || recordedOn === null || errors.length > before) return;

    const year = Number(recordedOn.slice(0, 4));
    let setCode = cell('criteria_set');
    if (setCode === '') {
      const inForce = ctx.sets.filter((s) => s.unitLevel === unit.level && (s.ownerProvinceCode === null || s.ownerProvinceCode === ctx.provinceCode) && s.validFromYear <= year && year <= s.validToYear);
      const preferred = inForce.length > 1 ? inForce.filter((s) => ctx.defaultSetCodes.includes(s.code)) : inForce;
      if (preferred.length !== 1 || !preferred[0]) return void fail('criteria_set', `hãy ghi mã bộ tiêu chí: có ${preferred.length} bộ áp dụng cho "${unit.name}" năm ${year}`);
      setCode = preferred[0].code;
    }
    const set = ctx.sets.find((s) => s.code === setCode);
    const criterion = set ? findCriterion(set.criteria, cell('criterion')) : undefined;
    if (set && !criterion) return void fail('criterion', `bộ tiêu chí "${set.code}" không có tiêu chí "${cell('criterion')}"`);
    entries.push({
      row,
      entry: {
        unitCode: unit.code,
        criteriaSetCode: setCode,
        criterionCode: criterion?.code ?? cell('criterion'),
        indicatorCode: cell('indicator') === '' ? null : cell('indicator'),
        recordedOn,
        met: met ?? false,
        source: source ?? 'self_assessment',
        value: cell('value') === '' ? null : cell('value'),
        note: cell('note') === '' ? null : cell('note'),
      },
    });
  });
  return { entries, errors };
}

/** A criterion by its code, its number ("5", "Tiêu chí số 5", "5. Trường học") or its name. */
function findCriterion<C extends { code: string; number: number; name: string }>(criteria: readonly C[], text: string): C | undefined {
  const byCode = criteria.find((c) => c.code === text);
  if (byCode) return byCode;
  const folded = matchName(text);
  const number = /^(?:tieu chi|tc)?\s*(?:so)?\s*(\d{1,2})(?:\s|$)/.exec(folded.replace(/[.:]/g, ' '));
  if (number) return criteria.find((c) => c.number === Number(number[1]));
  return criteria.find((c) => matchName(c.name) === folded);
}
