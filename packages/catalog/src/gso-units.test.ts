import { describe, expect, it } from 'vitest';
import { gsoCatalogUnits, gsoLevel, placeName } from './gso-units.js';

const before = [
  { province_code: '12', province: 'Tỉnh Lai Châu', district_code: '110', district: 'Huyện Than Uyên', ward_code: '03595', ward: 'Thị trấn Than Uyên' },
  { province_code: '12', province: 'Tỉnh Lai Châu', district_code: '110', district: 'Huyện Than Uyên', ward_code: '03628', ward: 'Xã Pha Mu' },
];
const after = [{ province_code: '12', province: 'Tỉnh Lai Châu', ward_code: '03595', ward: 'Xã Than Uyên', unit_type: 'Xã' }];

describe('seed units from the GSO lists', () => {
  it('reads the level from the type word and the place from the name', () => {
    expect(['Xã Pha Mu', 'Phường Đoàn Kết', 'Thị trấn Than Uyên'].map(gsoLevel)).toEqual(['commune', 'ward', 'town']);
    expect(() => gsoLevel('Bản Nà Khum')).toThrow();
    expect(['Tỉnh Lai Châu', 'Huyện Than Uyên', 'Thành phố Lai Châu', 'Thị xã Sa Pa'].map(placeName)).toEqual(['Lai Châu', 'Than Uyên', 'Lai Châu', 'Sa Pa']);
  });

  it('keys a reused code twice, dates each side of the reform, and groups only rural communes', () => {
    const file = gsoCatalogUnits({ file: 'x.json', code: '12', threeTier: true, twoTier: true }, before, after, undefined);
    const units = file.units as Array<{ code: string; level: string; parentCode: string | null; validFrom: string; validTo: string | null; groupings: object }>;
    expect(units.map((u) => [u.code, u.level, u.parentCode, u.validFrom, u.validTo])).toEqual([
      ['12', 'province', null, '2020-01-01', null],
      ['110', 'district', '12', '2020-01-01', '2025-06-30'],
      ['110-03595', 'town', '110', '2020-01-01', '2025-06-30'],
      ['110-03628', 'commune', '110', '2020-01-01', '2025-06-30'],
      ['03595', 'commune', '12', '2025-07-01', null],
    ]);
    expect(units.filter((u) => Object.keys(u.groupings).length > 0).map((u) => u.code)).toEqual(['110-03628', '03595']);
    expect(file.province).toMatchObject({ code: '12', placeNames: { 12: 'Lai Châu', 110: 'Than Uyên' } });
  });

  it('keeps what a province entered: its other sections, a commune\u2019s special difficulty, its villages; and replaces its own note', () => {
    const existing = {
      notes: ['ghi chú của tỉnh', 'Đơn vị hành chính theo danh mục của Tổng cục Thống kê (cũ)'],
      departments: [{ code: 'SXD' }],
      units: [
        { code: '110-03628', specialDifficulty: true, groupings: {} },
        { code: '110-03628-B01', name: 'Bản Nà Khương', level: 'village', parentCode: '110-03628', validFrom: '2020-01-01', validTo: null, groupings: {}, specialDifficulty: false },
      ],
    };
    const file = gsoCatalogUnits({ file: 'x.json', code: '12', threeTier: true, twoTier: true }, before, after, existing);
    const units = file.units as Array<{ code: string; specialDifficulty: boolean }>;
    expect(units.find((u) => u.code === '110-03628')?.specialDifficulty).toBe(true);
    expect(units.at(-1)?.code).toBe('110-03628-B01');
    expect(file.departments).toEqual([{ code: 'SXD' }]);
    expect((file.notes as string[])[0]).toBe('ghi chú của tỉnh');
    expect(file.notes as string[]).toHaveLength(2);
  });
});
