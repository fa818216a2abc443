import type { CatalogUnit } from '@ntm/contracts';

/**
 * Builds a province's seed catalog units from the GSO's unit lists (packages/db/seed/units/): the
 * three-tier list in force until 30/06/2025 and the two-tier list from 01/07/2025. Used by
 * scripts/gso-units.ts; documented in docs/catalog-file.md ("Official unit codes").
 */
export type GsoProvince = { file: string; code: string; threeTier: boolean; twoTier: boolean };
type Row = Record<string, string>;
type Unit = Omit<CatalogUnit, 'groupings'> & { groupings: Record<string, string> };

/** The two-tier reform's first day; the three-tier units' last day is the day before. */
export const reformDay = '2025-07-01';
const lastThreeTierDay = '2025-06-30';
/** The project's convention for units that existed before the period the system covers. */
const defaultValidFrom = '2020-01-01';

/** Rural communes' groups in the national sets (every unit of both provinces is in the northern midlands and mountains). */
const communeGroupings = { 'XA-NTM-2021-2025': 'TDMNPB', 'XA-NTM-NC-2021-2025': 'TDMNPB' };
/** The 2026–2030 set's group, assumed for every commune of the two-tier list until the province's zoning is loaded. */
const communeGroupings2026 = { ...communeGroupings, 'XA-NTM-2026-2030': 'NHOM-3' };

/** The unit's level by the type word its official name starts with. */
export function gsoLevel(name: string): 'commune' | 'ward' | 'town' {
  if (name.startsWith('Xã ')) return 'commune';
  if (name.startsWith('Phường ')) return 'ward';
  if (name.startsWith('Thị trấn ')) return 'town';
  throw new Error(`unknown unit type in "${name}"`);
}

/** The key of a unit of the three-tier list: its district's code and its own. */
export const threeTierKey = (districtCode: string, unitCode: string) => `${districtCode}-${unitCode}`;

/** "Huyện Than Uyên" → "Than Uyên": the place a document is dated at. */
export const placeName = (name: string) => name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã) /, '');

const noteMark = 'Đơn vị hành chính theo danh mục của Tổng cục Thống kê';

export function gsoCatalogUnits(p: GsoProvince, before: readonly Row[], after: readonly Row[], existing: Record<string, unknown> | undefined): Record<string, unknown> {
  const kept = new Map(((existing?.units ?? []) as Unit[]).map((u) => [u.code, u]));
  const units: Unit[] = [];
  const add = (u: Omit<Unit, 'specialDifficulty'>) => {
    const old = kept.get(u.code);
    units.push({ ...u, validFrom: old?.validFrom ?? u.validFrom, groupings: { ...u.groupings, ...old?.groupings }, specialDifficulty: old?.specialDifficulty ?? false });
  };
  const oldRows = before.filter((r) => r.province_code === p.code);
  const newRows = after.filter((r) => r.province_code === p.code);
  const provinceName = (oldRows[0] ?? newRows[0])?.province;
  if (provinceName === undefined) throw new Error(`province ${p.code} is in neither list`);

  add({ code: p.code, name: provinceName, level: 'province', parentCode: null, validFrom: p.threeTier ? defaultValidFrom : reformDay, validTo: p.twoTier ? null : lastThreeTierDay, groupings: {} });
  const placeNames: Record<string, string> = { [p.code]: placeName(provinceName) };
  if (p.threeTier) {
    const districts = new Map(oldRows.map((r) => [r.district_code ?? '', r.district ?? '']));
    for (const [code, name] of districts) {
      add({ code, name, level: 'district', parentCode: p.code, validFrom: defaultValidFrom, validTo: lastThreeTierDay, groupings: {} });
      placeNames[code] = placeName(name);
    }
    for (const r of oldRows) {
      const name = r.ward ?? '';
      const level = gsoLevel(name);
      add({ code: threeTierKey(r.district_code ?? '', r.ward_code ?? ''), name, level, parentCode: r.district_code ?? '', validFrom: defaultValidFrom, validTo: lastThreeTierDay, groupings: level === 'commune' ? communeGroupings : {} });
    }
  }
  if (p.twoTier) {
    for (const r of newRows) {
      const name = r.ward ?? '';
      const level = gsoLevel(name);
      add({ code: r.ward_code ?? '', name, level, parentCode: p.code, validFrom: reformDay, validTo: null, groupings: level === 'commune' ? communeGroupings2026 : {} });
    }
  }
  const generated = new Set(units.map((u) => u.code));
  // Units the lists do not hold (villages) stay as the province entered them.
  units.push(...[...kept.values()].filter((u) => !generated.has(u.code) && u.level === 'village'));

  const counts = (level: string) => units.filter((u) => u.level === level && u.validTo === null).length;
  const note = `${noteMark} (packages/db/seed/units/, sinh bằng packages/catalog/scripts/gso-units.ts, không sửa tay): ${
    p.threeTier ? `trước ngày 01/7/2025 ba cấp, hiệu lực đến 30/6/2025: ${units.filter((u) => u.level === 'district').length} huyện, ${oldRows.length} xã, phường, thị trấn (${oldRows.filter((r) => gsoLevel(r.ward ?? '') === 'commune').length} xã); ` : ''
  }${p.twoTier ? `từ ngày 01/7/2025 hai cấp: ${counts('commune')} xã, ${counts('ward')} phường trực thuộc tỉnh. ` : ''}Mã tỉnh, huyện và mã xã, phường sau ngày 01/7/2025 là mã của Tổng cục Thống kê; xã, phường, thị trấn trước ngày 01/7/2025 mang mã <mã huyện>-<mã xã> vì danh mục hai cấp dùng lại nhiều mã cũ cho đơn vị khác. Chỉ xã (level commune) là xã nông thôn mới; phường (ward) và thị trấn (town) không tính vào số xã. Ngày có hiệu lực 01/01/2020 của đơn vị trước cải cách là quy ước của dự án. Nhóm xã theo bộ 2026–2030 (NHOM-3) là GIẢ ĐỊNH, tỉnh cần xác nhận theo quyết định phân định khu vực. Danh mục không cho biết xã cũ nào nhập vào xã mới nào: tỉnh nạp bảng sáp nhập (POST /catalog/provinces/{code}/mergers).`;
  const notes = ((existing?.notes ?? []) as string[]).filter((n) => !n.startsWith(noteMark));
  const province = (existing?.province ?? {
    code: p.code,
    name: provinceName,
    hasDistrictStage: p.threeTier,
    postingPeriodDays: null,
    satisfactionThresholdPercent: null,
  }) as Record<string, unknown>;
  return {
    format: 'ntm-catalog/1',
    ...existing,
    notes: [...notes, note],
    province: { ...province, code: p.code, placeNames },
    units,
  };
}
