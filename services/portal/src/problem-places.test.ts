import { describe, expect, it } from 'vitest';
import { problemPlace } from '../web/src/admin/problem-places.js';

describe('where an import\'s field error points, as the administrator reads it', () => {
  it('names a CSV row (the header is row 1) and its column', () => {
    expect(problemPlace('body.rows.5.name')).toBe('Dòng 5, cột name');
    expect(problemPlace('body.rows.3.group:SET-A')).toBe('Dòng 3, cột group:SET-A');
    expect(problemPlace('body.rows.7')).toBe('Dòng 7');
    expect(problemPlace('body.header')).toBe('Dòng tiêu đề');
  });

  it('names a catalog file\'s section and item counted from 1, and nothing for the whole file', () => {
    expect(problemPlace('body.units.4.parentCode')).toBe('units, mục 5, parentCode');
    expect(problemPlace('body.province.name')).toBe('province, name');
    expect(problemPlace('body')).toBe('');
  });
});
