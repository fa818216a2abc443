import { describe, expect, it } from 'vitest';
import { servesDistrict } from './district-offices.js';

describe('servesDistrict', () => {
  it('lets a provincial department appraise anywhere in its province', () => {
    expect(servesDistrict({ level: 'province', districtCode: null }, '110')).toBe(true);
    expect(servesDistrict({ level: 'province', districtCode: null }, null)).toBe(true);
  });
  it("keeps a district's office to its own district's dossiers", () => {
    expect(servesDistrict({ level: 'district', districtCode: '110' }, '110')).toBe(true);
    expect(servesDistrict({ level: 'district', districtCode: '106' }, '110')).toBe(false);
    expect(servesDistrict({ level: 'district', districtCode: '106' }, null)).toBe(false);
  });
});
