import { describe, expect, it } from 'vitest';
import { issuerName } from './decision.js';

const units = new Map([
  ['P1', { name: 'Tỉnh Thử' }],
  ['P1-D1', { name: 'Huyện Một' }],
]);

describe('issuerName', () => {
  it('is the district for a track decided at district level', () => {
    expect(issuerName([{ kind: 'decision', decidingLevel: 'district' }], { provinceCode: 'P1', districtCode: 'P1-D1' }, units)).toBe('Huyện Một');
  });

  it('is the province for a track decided by the province', () => {
    expect(issuerName([{ kind: 'decision', decidingLevel: 'province' }], { provinceCode: 'P1', districtCode: 'P1-D1' }, units)).toBe('Tỉnh Thử');
  });

  it('falls back to the province where the unit has no district (two-tier chain)', () => {
    expect(issuerName([{ kind: 'decision', decidingLevel: 'district' }], { provinceCode: 'P1', districtCode: null }, units)).toBe('Tỉnh Thử');
  });
});
