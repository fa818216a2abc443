import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '@ntm/contracts';

const parse = (name: string) => CatalogFile.parse(JSON.parse(readFileSync(join(import.meta.dirname, name), 'utf8')));
const units = ['lai-chau.json', 'lao-cai.json', 'lao-cai-2025.json'].flatMap((f) => parse(f).units);
const byCode = new Map(units.map((u) => [u.code, u]));
const validOn = (date: string) => units.filter((u) => u.validFrom <= date && (u.validTo === null || u.validTo >= date));
const communesUnder = (code: string, date: string) => validOn(date).filter((u) => u.level === 'commune' && u.parentCode === code);

describe('official units of the seed provinces (GSO lists, packages/db/seed/units)', () => {
  it('as of 2024, Lai Châu (12) has 8 districts and 94 rural communes besides its wards and towns', () => {
    const districts = validOn('2024-09-30').filter((u) => u.level === 'district' && u.parentCode === '12');
    expect(districts).toHaveLength(8);
    expect(districts.flatMap((d) => communesUnder(d.code, '2024-09-30'))).toHaveLength(94);
    const others = validOn('2024-09-30').filter((u) => (u.level === 'ward' || u.level === 'town') && districts.some((d) => d.code === u.parentCode));
    expect(others).toHaveLength(12);
  });

  it('matches the seeds: Tam Đường 12 communes, Phong Thổ 16, Tam Đường + Tân Uyên + Than Uyên 32', () => {
    expect(byCode.get('106')?.name).toBe('Huyện Tam Đường');
    expect(communesUnder('106', '2024-09-30')).toHaveLength(12);
    expect(byCode.get('109')?.name).toBe('Huyện Phong Thổ');
    expect(communesUnder('109', '2024-09-30')).toHaveLength(16);
    expect(['106', '111', '110'].flatMap((d) => communesUnder(d, '2024-09-30'))).toHaveLength(32);
  });

  it('as of 2026, Lai Châu has no district and 36 communes and 2 wards under the province', () => {
    const under = validOn('2026-01-01').filter((u) => u.parentCode === '12');
    expect(under.filter((u) => u.level === 'district')).toEqual([]);
    expect(under.filter((u) => u.level === 'commune')).toHaveLength(36);
    expect(under.filter((u) => u.level === 'ward')).toHaveLength(2);
  });

  it('Lào Cai is province 10 until 30/06/2025 (126 communes) and the merged province 15 from 01/07/2025 (89 communes)', () => {
    expect(byCode.get('10')).toMatchObject({ validTo: '2025-06-30' });
    expect(byCode.get('15')).toMatchObject({ validFrom: '2025-07-01', validTo: null });
    expect(validOn('2024-09-30').filter((u) => u.level === 'commune' && byCode.get(u.parentCode ?? '')?.parentCode === '10')).toHaveLength(126);
    expect(validOn('2026-01-01').filter((u) => u.level === 'commune' && u.parentCode === '15')).toHaveLength(89);
  });

  it('a code the two-tier list reuses names two units, keyed apart and never valid on the same day', () => {
    expect(byCode.get('106-03405')).toMatchObject({ name: 'Xã Giang Ma', parentCode: '106', validTo: '2025-06-30' });
    expect(byCode.get('03405')).toMatchObject({ name: 'Xã Tả Lèng', parentCode: '12', validFrom: '2025-07-01' });
    expect(byCode.get('110-03595')).toMatchObject({ name: 'Thị trấn Than Uyên', level: 'town' });
    expect(byCode.get('03595')).toMatchObject({ name: 'Xã Than Uyên', level: 'commune' });
  });
});
