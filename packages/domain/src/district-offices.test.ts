import { describe, expect, it } from 'vitest';
import { servesDistrict } from './district-offices.js';

describe('servesDistrict', () => {
  it('lets a provincial department appraise anywhere in its province', () => {
    expect(servesDistrict({ level: 'province', districtCode: null }, 'LCH-THU')).toBe(true);
    expect(servesDistrict({ level: 'province', districtCode: null }, null)).toBe(true);
  });
  it("keeps a district's office to its own district's dossiers", () => {
    expect(servesDistrict({ level: 'district', districtCode: 'LCH-THU' }, 'LCH-THU')).toBe(true);
    expect(servesDistrict({ level: 'district', districtCode: 'LCH-TDU' }, 'LCH-THU')).toBe(false);
    expect(servesDistrict({ level: 'district', districtCode: 'LCH-TDU' }, null)).toBe(false);
  });
});
