import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from './units-csv.js';

const header = 'code,name,level,parent_code,valid_from,valid_to,group:XA-NTM-2021-2025';

describe('parseUnitsCsv', () => {
  it('reads units with Vietnamese names, empty optional cells and group columns', () => {
    const csv = `\uFEFF${header}\n106-03413,Xã Sơn Bình,commune,106,2020-01-01,,TDMNPB\n"106-B01","Bản Nà Khum, Sơn Bình",village,106-03413,2020-01-01,2025-06-30,\n`;
    const result = parseUnitsCsv(csv);
    expect(result).toEqual({
      ok: true,
      units: [
        { code: '106-03413', name: 'Xã Sơn Bình', level: 'commune', parentCode: '106', validFrom: '2020-01-01', validTo: null, groupings: { 'XA-NTM-2021-2025': 'TDMNPB' }, specialDifficulty: false },
        { code: '106-B01', name: 'Bản Nà Khum, Sơn Bình', level: 'village', parentCode: '106-03413', validFrom: '2020-01-01', validTo: '2025-06-30', groupings: {}, specialDifficulty: false },
      ],
    });
  });

  it('names the spreadsheet row and column of every bad cell', () => {
    const csv = `${header}\nA1,Xã A,commune,P,2020-01-01,,\nA 2,,hamlet,P,01/01/2020,,\n`;
    const result = parseUnitsCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.location).sort()).toEqual(['body.rows.3.code', 'body.rows.3.level', 'body.rows.3.name', 'body.rows.3.valid_from']);
  });

  it('refuses a header with missing or unknown columns', () => {
    const result = parseUnitsCsv('code,name,lvl\nA,B,commune\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.location).toBe('body.header');
    expect(result.errors[0]?.message).toMatch(/thiếu cột "level".*cột lạ "lvl"/);
  });

  it('reports a row with the wrong number of cells instead of guessing', () => {
    const result = parseUnitsCsv(`${header}\nA,B,commune\n`);
    expect(result.ok).toBe(false);
  });
});

describe('parseUnitsCsv: especially disadvantaged communes', () => {
  it('reads the optional special_difficulty column and names a cell that is not true or false', () => {
    const csv = `code,name,level,parent_code,valid_from,valid_to,special_difficulty\nA1,Xã A,commune,P,2020-01-01,,true\nA2,Xã B,commune,P,2020-01-01,,có\n`;
    const result = parseUnitsCsv(csv);
    expect(result.ok === false && result.errors.map((e) => e.location)).toEqual(['body.rows.3.special_difficulty']);
    const ok = parseUnitsCsv(csv.replace(',có', ',false'));
    expect(ok.ok && ok.units.map((u) => u.specialDifficulty)).toEqual([true, false]);
  });
});
