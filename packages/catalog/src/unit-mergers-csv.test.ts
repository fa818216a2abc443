import { describe, expect, it } from 'vitest';
import { parseMergersCsv } from './unit-mergers-csv.js';

describe('parseMergersCsv', () => {
  it('reads rows, with a byte-order mark and spaces around cells', () => {
    expect(parseMergersCsv('\uFEFFformer_code,new_code,effective_on\n 110-03628 , 03637 ,2025-07-01\n')).toEqual({
      ok: true,
      rows: [{ formerUnitCode: '110-03628', newUnitCode: '03637', effectiveOn: '2025-07-01' }],
    });
  });
  it('names the spreadsheet row and column of each bad cell (header = row 1)', () => {
    const result = parseMergersCsv('former_code,new_code,effective_on\nA,B,2025-07-01\n,B,2025-13-01\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.location)).toEqual(['body.rows.3.former_code', 'body.rows.3.effective_on']);
  });
  it('refuses missing or unknown columns, and a file without rows', () => {
    expect(parseMergersCsv('former_code,new_unit\nA,B\n')).toEqual({ ok: false, errors: [{ location: 'body.header', message: 'thiếu cột "new_code"; thiếu cột "effective_on"; cột lạ "new_unit"' }] });
    expect(parseMergersCsv('former_code,new_code,effective_on\n')).toEqual({ ok: false, errors: [{ location: 'body', message: 'tệp CSV không có dòng dữ liệu nào' }] });
  });
});
