import { describe, expect, it } from 'vitest';
import { registrationProblems, type RegistrationContext } from './registered-recognition.js';

const ctx: RegistrationContext = {
  provinceCode: 'P1',
  today: '2026-12-03',
  unit: (code) => ({ C1: { provinceCode: 'P1', level: 'commune' }, C9: { provinceCode: 'P2', level: 'commune' }, V1: { provinceCode: 'P1', level: 'village' } })[code],
  track: (code) => ({ T: { unitLevel: 'commune' } })[code],
  numberTaken: (year, number) => year === 2020 && number === '10/QĐ-UBND',
  activeRecognition: (unit, track) => unit === 'C2' && track === 'T',
};
const row = { unitCode: 'C1', trackCode: 'T', year: 2019, decisionNumber: '1/QĐ-UBND', signedOn: '2019-12-30' };

describe('registrationProblems', () => {
  it('accepts a commune of the province with a past, unused decision number', () => {
    expect(registrationProblems(row, ctx)).toEqual([]);
  });

  it('names a unknown unit, a unit of another province and a unit of the wrong level', () => {
    expect(registrationProblems({ ...row, unitCode: 'X' }, ctx)).toEqual([{ field: 'unitCode', message: 'không có đơn vị "X" trong danh mục' }]);
    expect(registrationProblems({ ...row, unitCode: 'C9' }, ctx)[0]?.message).toBe('đơn vị "C9" thuộc tỉnh P2, không thuộc tỉnh P1');
    expect(registrationProblems({ ...row, unitCode: 'V1' }, ctx)[0]).toMatchObject({ field: 'trackCode' });
  });

  it('refuses a decision signed after today and a recognition year after the signing year', () => {
    expect(registrationProblems({ ...row, signedOn: '2026-12-04' }, ctx)).toEqual([
      { field: 'signedOn', message: 'ngày ký 2026-12-04 ở sau ngày hôm nay (2026-12-03)' },
    ]);
    expect(registrationProblems({ ...row, year: 2020 }, ctx)[0]).toMatchObject({ field: 'year' });
  });

  it('refuses a number already in the system, and one repeated within the file for the same year only', () => {
    expect(registrationProblems({ ...row, decisionNumber: '10/QĐ-UBND', signedOn: '2020-01-05' }, ctx)[0]).toMatchObject({ field: 'decisionNumber' });
    const seen = { numbers: new Set<string>(), units: new Set<string>() };
    expect(registrationProblems(row, ctx, seen)).toEqual([]);
    expect(registrationProblems({ ...row, unitCode: 'C3' }, { ...ctx, unit: () => ({ provinceCode: 'P1', level: 'commune' }) }, seen)[0]?.message).toContain('trùng với một dòng trước');
    expect(registrationProblems({ ...row, unitCode: 'C4', signedOn: '2018-03-01', year: 2018 }, { ...ctx, unit: () => ({ provinceCode: 'P1', level: 'commune' }) }, seen)).toEqual([]);
  });

  it('refuses a unit that already holds the track, or is registered twice in one file', () => {
    const anyUnit = { ...ctx, unit: () => ({ provinceCode: 'P1', level: 'commune' }) };
    expect(registrationProblems({ ...row, unitCode: 'C2' }, anyUnit)[0]?.message).toBe('đơn vị "C2" đã có công nhận "T" còn hiệu lực');
    const seen = { numbers: new Set<string>(), units: new Set<string>() };
    registrationProblems(row, anyUnit, seen);
    expect(registrationProblems({ ...row, decisionNumber: '2/QĐ-UBND' }, anyUnit, seen)[0]?.message).toContain('ở một dòng trước trong tệp');
  });
});

describe('registrationProblems across a file', () => {
  it('does not let a bad row claim its unit or number for later rows', () => {
    const anyUnit = { ...ctx, unit: () => ({ provinceCode: 'P1', level: 'commune' }) };
    const seen = { numbers: new Set<string>(), units: new Set<string>() };
    expect(registrationProblems({ ...row, signedOn: '2099-01-01', year: 2099 }, anyUnit, seen)).toHaveLength(1);
    expect(registrationProblems(row, anyUnit, seen)).toEqual([]);
  });
});
