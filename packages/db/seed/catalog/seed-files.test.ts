import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '@ntm/contracts';

/** The 19 criteria of the national commune set 2021–2025, as named in DOMAIN.md. */
const nationalCommuneCriteria = [
  'Quy hoạch',
  'Giao thông',
  'Thủy lợi và phòng, chống thiên tai',
  'Điện',
  'Trường học',
  'Cơ sở vật chất văn hóa',
  'Cơ sở hạ tầng thương mại nông thôn',
  'Thông tin và Truyền thông',
  'Nhà ở dân cư',
  'Thu nhập',
  'Nghèo đa chiều',
  'Lao động',
  'Tổ chức sản xuất và phát triển kinh tế nông thôn',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Văn hóa',
  'Môi trường và an toàn thực phẩm',
  'Hệ thống chính trị và tiếp cận pháp luật',
  'Quốc phòng và An ninh',
];

/** The 19 criteria of the advanced commune set, as named in DOMAIN.md. */
const advancedCommuneCriteria = [
  'Quy hoạch',
  'Giao thông',
  'Thủy lợi và phòng, chống thiên tai',
  'Điện',
  'Giáo dục',
  'Văn hóa',
  'Cơ sở hạ tầng thương mại nông thôn',
  'Thông tin và Truyền thông',
  'Nhà ở dân cư',
  'Thu nhập',
  'Nghèo đa chiều',
  'Lao động',
  'Tổ chức sản xuất và phát triển kinh tế nông thôn',
  'Y tế',
  'Hành chính công',
  'Tiếp cận pháp luật',
  'Môi trường',
  'Chất lượng môi trường sống',
  'Quốc phòng và an ninh',
];

/** The ten criteria of the 2026–2030 set, as ../shared/data/criteria/2026-2030.md gives them. */
const criteria2026 = [
  'Quy hoạch',
  'Hạ tầng kinh tế - xã hội',
  'Phát triển kinh tế nông thôn',
  'Đào tạo nguồn nhân lực nông thôn',
  'Văn hóa, giáo dục, y tế',
  'Giảm nghèo và an sinh xã hội',
  'Khoa học công nghệ và chuyển đổi số',
  'Môi trường và cảnh quan nông thôn',
  'Xây dựng hệ thống chính trị và hành chính công',
  'Tiếp cận pháp luật và an ninh, quốc phòng',
];

const read = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, name), 'utf8'));
const parse = (name: string): CatalogFile => CatalogFile.parse(read(name));

const provinceFiles = ['lai-chau.json', 'lao-cai.json'] as const;
const allFiles = ['national.json', ...provinceFiles, 'lao-cai-2025.json'] as const;

function duplicatesOf<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Criteria sets visible to a file: the national file's plus its own. */
function setsFor(file: CatalogFile, national: CatalogFile): Map<string, CatalogFile['criteriaSets'][number]> {
  return new Map([...national.criteriaSets, ...file.criteriaSets].map((s) => [s.code, s]));
}

describe('seed catalog files', () => {
  it.each(allFiles)('%s parses with CatalogFile', (name) => {
    const result = CatalogFile.safeParse(read(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('national.json ships the two national sets and the three tracks, without province data', () => {
    const national = parse('national.json');
    expect(national.province).toBeUndefined();
    expect(national.criteriaSets.map((s) => s.code)).toEqual(['XA-NTM-2021-2025', 'XA-NTM-NC-2021-2025', 'XA-NTM-2026-2030']);
    expect(national.tracks.map((t) => t.code)).toEqual(['COMMUNE_NTM', 'COMMUNE_ADVANCED', 'VILLAGE_NTM']);
  });

  it('the 2026–2030 set (Quyết định 51/2025/QĐ-TTg) has the ten criteria and three commune groups, placeholder indicators, no district set', () => {
    const national = parse('national.json');
    const set = national.criteriaSets.find((s) => s.code === 'XA-NTM-2026-2030');
    expect(set).toMatchObject({ validFromYear: 2026, validToYear: 2030, unitLevel: 'commune', isSample: true });
    expect(set?.legalBasis).toContain('51/2025/QĐ-TTg');
    expect(set?.criteria.map((c) => c.name)).toEqual(criteria2026);
    expect(set?.groups.map((g) => g.name)).toEqual(['Xã nhóm 1', 'Xã nhóm 2', 'Xã nhóm 3']);
    expect(set?.criteria.flatMap((c) => c.indicators).every((i) => i.isSample && i.thresholds.default === null)).toBe(true);
    expect(national.criteriaSets.filter((s) => s.unitLevel === 'district')).toEqual([]);
    expect(national.tracks.find((t) => t.code === 'COMMUNE_NTM')?.criteriaSetCodes).toEqual(['XA-NTM-2021-2025', 'XA-NTM-2026-2030']);
  });

  it('especially disadvantaged communes use the northern midlands and mountains column of the 2021–2025 sets', () => {
    const sets = parse('national.json').criteriaSets.filter((s) => s.validToYear === 2025);
    expect(sets.map((s) => s.specialDifficultyGroup)).toEqual(['TDMNPB', 'TDMNPB']);
  });

  it('the 19 national commune criteria carry the names of DOMAIN.md, in order, with the key criteria marked', () => {
    const set = parse('national.json').criteriaSets.find((s) => s.code === 'XA-NTM-2021-2025');
    expect(set?.criteria.map((c) => c.name)).toEqual(nationalCommuneCriteria);
    expect(set?.criteria.map((c) => c.number)).toEqual(nationalCommuneCriteria.map((_, i) => i + 1));
    expect(set?.criteria.filter((c) => c.isKey).map((c) => c.name)).toEqual(['Thu nhập', 'Môi trường và an toàn thực phẩm', 'Quốc phòng và An ninh']);
  });

  it('the 19 advanced commune criteria carry the names of DOMAIN.md, with the key criteria marked', () => {
    const set = parse('national.json').criteriaSets.find((s) => s.code === 'XA-NTM-NC-2021-2025');
    expect(set?.criteria.map((c) => c.name)).toEqual(advancedCommuneCriteria);
    expect(set?.criteria.filter((c) => c.isKey).map((c) => c.name)).toEqual(['Thu nhập', 'Môi trường', 'Chất lượng môi trường sống', 'Quốc phòng và an ninh']);
  });

  it.each(allFiles)('%s: each criteria set has unique criterion codes, numbers and indicator codes', (name) => {
    for (const set of parse(name).criteriaSets) {
      expect(duplicatesOf(set.criteria.map((c) => c.code)), set.code).toEqual([]);
      expect(duplicatesOf(set.criteria.map((c) => c.number)), set.code).toEqual([]);
      expect(duplicatesOf(set.criteria.flatMap((c) => c.indicators.map((i) => i.code))), set.code).toEqual([]);
    }
  });

  it.each(allFiles)('%s: sample indicators carry no threshold, and thresholds only name groups of their set', (name) => {
    for (const set of parse(name).criteriaSets) {
      const groups = new Set(set.groups.map((g) => g.code));
      for (const indicator of set.criteria.flatMap((c) => c.indicators)) {
        const values = [indicator.thresholds.default, ...Object.values(indicator.thresholds.byGroup)];
        if (indicator.isSample) expect(values.filter((v) => v !== null), `${set.code} ${indicator.code}`).toEqual([]);
        expect(Object.keys(indicator.thresholds.byGroup).filter((g) => !groups.has(g)), `${set.code} ${indicator.code}`).toEqual([]);
      }
    }
  });

  it('tracks name existing criteria sets (national or provincial), prerequisites and unique stages', () => {
    const national = parse('national.json');
    const setCodes = new Set(allFiles.flatMap((f) => parse(f).criteriaSets.map((s) => s.code)));
    const trackCodes = new Set(national.tracks.map((t) => t.code));
    for (const track of national.tracks) {
      expect(track.criteriaSetCodes.filter((c) => !setCodes.has(c)), track.code).toEqual([]);
      expect(track.prerequisites.filter((p) => !trackCodes.has(p)), track.code).toEqual([]);
      expect(duplicatesOf(track.stages.map((s) => s.code)), track.code).toEqual([]);
      expect(duplicatesOf(track.requiredDocuments.map((d) => d.code)), track.code).toEqual([]);
    }
  });

  describe.each(provinceFiles)('%s', (name) => {
    const national = parse('national.json');
    const file = parse(name);
    const province = file.province?.code;
    const units = new Map(file.units.map((u) => [u.code, u]));
    const departments = new Set(file.departments.map((d) => d.code));
    const sets = setsFor(file, national);

    it('declares its province and owns the sets it ships', () => {
      expect(province).toBeDefined();
      for (const set of file.criteriaSets) expect(set.ownerProvinceCode, set.code).toBe(province);
    });

    it('ships its own village set for every village track that names no national set', () => {
      const villageSets = file.criteriaSets.filter((s) => s.unitLevel === 'village');
      for (const track of national.tracks.filter((t) => t.unitLevel === 'village' && t.criteriaSetCodes.length === 0)) {
        expect(villageSets.map((s) => s.code), track.code).not.toEqual([]);
      }
    });

    it('has unique unit, department and holiday keys', () => {
      expect(duplicatesOf(file.units.map((u) => u.code))).toEqual([]);
      expect(duplicatesOf(file.departments.map((d) => d.code))).toEqual([]);
      expect(duplicatesOf(file.holidays.map((h) => h.date))).toEqual([]);
    });

    it('every unit hangs from a parent of the same file one level up (the province from none)', () => {
      const rank = { province: 0, district: 1, commune: 2, ward: 2, town: 2, village: 3 } as const;
      const provinces = file.units.filter((u) => u.level === 'province');
      expect(provinces.map((u) => [u.code, u.parentCode])).toEqual([[province, null]]);
      for (const u of file.units.filter((x) => x.level !== 'province')) {
        const parent = u.parentCode === null ? undefined : units.get(u.parentCode);
        expect(parent, `${u.code} → ${u.parentCode ?? 'null'}`).toBeDefined();
        if (parent) expect(rank[parent.level], u.code).toBeLessThan(rank[u.level]);
      }
    });

    it('every grouping names an existing set and one of its groups', () => {
      for (const u of file.units) {
        for (const [setCode, group] of Object.entries(u.groupings)) {
          const set = sets.get(setCode);
          expect(set, `${u.code}: ${setCode}`).toBeDefined();
          expect(set?.groups.map((g) => g.code), `${u.code}: ${setCode}`).toContain(group);
        }
      }
    });

    it('every commune has a region in both 2021–2025 commune sets, and a post-reform one its 2026–2030 group', () => {
      for (const u of file.units.filter((x) => x.level === 'commune')) {
        expect(Object.keys(u.groupings), u.code).toEqual(expect.arrayContaining(['XA-NTM-2021-2025', 'XA-NTM-NC-2021-2025']));
        if (u.validFrom >= '2025-07-01') expect(u.groupings['XA-NTM-2026-2030'], u.code).toBeDefined();
      }
    });

    it('has no district stage for dossiers opened from 1 July 2025 (the two-tier reform)', () => {
      expect(file.province?.chainChanges).toEqual([{ from: '2025-07-01', hasDistrictStage: false }]);
    });

    it('every district office names a district of the file', () => {
      for (const d of file.departments.filter((x) => x.level === 'district')) {
        expect(d.districtCode === null ? undefined : units.get(d.districtCode)?.level, d.code).toBe('district');
      }
    });

    it('every assignment names a criterion (and indicator) of a known set and a department of the file', () => {
      for (const a of file.assignments) {
        const label = `${a.criteriaSetCode}/${a.criterionCode} → ${a.departmentCode}`;
        const criterion = sets.get(a.criteriaSetCode)?.criteria.find((c) => c.code === a.criterionCode);
        expect(criterion, label).toBeDefined();
        if (a.indicatorCode !== null) expect(criterion?.indicators.map((i) => i.code), label).toContain(a.indicatorCode);
        expect(departments.has(a.departmentCode), label).toBe(true);
      }
      expect(duplicatesOf(file.assignments.map((a) => `${a.criteriaSetCode}/${a.criterionCode}/${a.indicatorCode ?? ''}/${a.departmentCode}`))).toEqual([]);
    });

    it.each(['XA-NTM-2021-2025', 'XA-NTM-2026-2030'])('every criterion of %s has at least one department', (setCode) => {
      const set = national.criteriaSets.find((s) => s.code === setCode);
      const assigned = new Set(file.assignments.filter((a) => a.criteriaSetCode === setCode).map((a) => a.criterionCode));
      expect(set?.criteria.map((c) => c.code).filter((c) => !assigned.has(c))).toEqual([]);
    });

    it('durations name a national track and one of its stages, and are marked as defaults', () => {
      const stages = new Map(national.tracks.map((t) => [t.code, new Set(t.stages.map((s) => s.code))]));
      for (const d of file.durations) {
        expect(stages.get(d.trackCode)?.has(d.stageCode), `${d.trackCode}/${d.stageCode}`).toBe(true);
        expect(d.isDefault, `${d.trackCode}/${d.stageCode}`).toBe(true);
      }
      if (file.province?.hasDistrictStage === false) {
        expect(file.durations.filter((d) => d.stageCode === 'DISTRICT_CONFIRMATION')).toEqual([]);
      }
    });
  });
});
