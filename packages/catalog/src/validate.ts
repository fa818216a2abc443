import type { CatalogFile, FieldError } from '@ntm/contracts';
import { unitLevelTier, unknownPlaceholders } from '@ntm/domain';
import { RecheckStage, maintenanceCalendarOf, maintenanceCalendarProblems, unfollowableStages } from '@ntm/domain';
import type { References } from './references.js';

const levelRank = unitLevelTier;

function duplicates(values: readonly (string | number)[]): Set<string | number> {
  const seen = new Set<string | number>();
  const dup = new Set<string | number>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/**
 * Checks what zod cannot see: that every code a file uses exists, in the file or in the
 * database, and that units form a tree inside the file's province. Returns one error per problem.
 */
export function validateReferences(file: CatalogFile, refs: References): FieldError[] {
  const errors: FieldError[] = [];
  const err = (location: (string | number)[], message: string) => errors.push({ location: ['body', ...location].join('.'), message });
  const province = file.province?.code;

  for (const [section, keys] of [
    ['units', file.units.map((u) => u.code)],
    ['criteriaSets', file.criteriaSets.map((s) => s.code)],
    ['tracks', file.tracks.map((t) => t.code)],
    ['departments', file.departments.map((d) => d.code)],
    ['holidays', file.holidays.map((h) => h.date)],
    ['decisionForms', file.decisionForms.map((f) => f.trackCode)],
  ] as const) {
    for (const d of duplicates(keys)) err([section], `mã "${d}" xuất hiện nhiều lần`);
  }

  for (const d of duplicates(file.province?.chainChanges.map((c) => c.from) ?? [])) err(['province', 'chainChanges'], `ngày "${d}" xuất hiện nhiều lần`);

  file.units.forEach((u, i) => {
    if (u.level === 'province') {
      if (u.code !== province) err(['units', i, 'code'], `đơn vị cấp tỉnh phải là tỉnh "${province}" của tệp`);
      if (u.parentCode !== null) err(['units', i, 'parentCode'], 'đơn vị cấp tỉnh không có đơn vị cấp trên');
    } else {
      const parent = u.parentCode === null ? undefined : refs.units.get(u.parentCode);
      if (!parent) err(['units', i, 'parentCode'], `không có đơn vị cấp trên "${u.parentCode ?? ''}"`);
      else if (levelRank[parent.level as keyof typeof levelRank] >= levelRank[u.level]) {
        err(['units', i, 'parentCode'], `đơn vị cấp trên "${u.parentCode ?? ''}" (${parent.level}) không ở cấp cao hơn ${u.level}`);
      } else if (rootOf(u.code, refs) !== province) err(['units', i, 'parentCode'], `đơn vị không thuộc tỉnh "${province}"`);
    }
    if (u.validTo !== null && u.validTo < u.validFrom) err(['units', i, 'validTo'], 'ngày hết hiệu lực trước ngày có hiệu lực');
    for (const [setCode, group] of Object.entries(u.groupings)) {
      const set = refs.sets.get(setCode);
      if (!set) err(['units', i, 'groupings', setCode], `không có bộ tiêu chí "${setCode}"`);
      else if (!set.groups.has(group)) err(['units', i, 'groupings', setCode], `bộ tiêu chí "${setCode}" không có vùng/nhóm "${group}"`);
    }
  });

  file.criteriaSets.forEach((s, i) => {
    if (s.ownerProvinceCode !== null && province !== undefined && s.ownerProvinceCode !== province) {
      err(['criteriaSets', i, 'ownerProvinceCode'], `tệp của tỉnh "${province}" không sửa được bộ tiêu chí của tỉnh khác`);
    }
    for (const d of duplicates(s.criteria.map((c) => c.code))) err(['criteriaSets', i, 'criteria'], `mã tiêu chí "${d}" lặp lại`);
    for (const d of duplicates(s.criteria.map((c) => c.number))) err(['criteriaSets', i, 'criteria'], `số tiêu chí ${d} lặp lại`);
    for (const d of duplicates(s.criteria.flatMap((c) => c.indicators.map((x) => x.code)))) err(['criteriaSets', i, 'criteria'], `mã chỉ tiêu "${d}" lặp lại`);
    const groups = new Set(s.groups.map((g) => g.code));
    if (s.specialDifficultyGroup !== null && !groups.has(s.specialDifficultyGroup)) {
      err(['criteriaSets', i, 'specialDifficultyGroup'], `bộ tiêu chí không có vùng/nhóm "${s.specialDifficultyGroup}"`);
    }
    s.criteria.forEach((c, j) =>
      c.indicators.forEach((ind, k) => {
        for (const g of Object.keys(ind.thresholds.byGroup)) {
          if (!groups.has(g)) err(['criteriaSets', i, 'criteria', j, 'indicators', k, 'thresholds', 'byGroup', g], `bộ tiêu chí không có vùng/nhóm "${g}"`);
        }
      }),
    );
  });

  file.tracks.forEach((t, i) => {
    t.criteriaSetCodes.forEach((c, j) => {
      if (!refs.sets.has(c)) err(['tracks', i, 'criteriaSetCodes', j], `không có bộ tiêu chí "${c}"`);
    });
    t.prerequisites.forEach((p, j) => {
      if (!refs.tracks.has(p)) err(['tracks', i, 'prerequisites', j], `không có loại hồ sơ "${p}"`);
    });
    for (const d of duplicates(t.stages.map((s) => s.code))) err(['tracks', i, 'stages'], `mã bước "${d}" lặp lại`);
    const unfollowable = unfollowableStages(t.stages);
    if (unfollowable) err(['tracks', i, 'stages'], `hồ sơ không thể đi hết các bước: ${unfollowable}`);
  });

  file.departments.forEach((d, i) => {
    if (d.level === 'district') {
      const district = d.districtCode === null ? undefined : refs.units.get(d.districtCode);
      if (district?.level !== 'district') err(['departments', i, 'districtCode'], `phòng cấp huyện cần mã huyện hợp lệ, không có "${d.districtCode ?? ''}"`);
    }
  });

  file.assignments.forEach((a, i) => {
    const criteria = refs.sets.get(a.criteriaSetCode)?.criteria;
    const indicators = criteria?.get(a.criterionCode);
    if (!criteria) err(['assignments', i, 'criteriaSetCode'], `không có bộ tiêu chí "${a.criteriaSetCode}"`);
    else if (!indicators) err(['assignments', i, 'criterionCode'], `bộ tiêu chí "${a.criteriaSetCode}" không có tiêu chí "${a.criterionCode}"`);
    else if (a.indicatorCode !== null && !indicators.has(a.indicatorCode)) err(['assignments', i, 'indicatorCode'], `tiêu chí "${a.criterionCode}" không có chỉ tiêu "${a.indicatorCode}"`);
    if (!refs.departments.has(a.departmentCode)) err(['assignments', i, 'departmentCode'], `không có sở/phòng "${a.departmentCode}"`);
  });

  file.durations.forEach((d, i) => {
    const stages = refs.tracks.get(d.trackCode);
    if (!stages) err(['durations', i, 'trackCode'], `không có loại hồ sơ "${d.trackCode}"`);
    else if (!stages.has(d.stageCode) && d.stageCode !== RecheckStage.remediation) err(['durations', i, 'stageCode'], `loại hồ sơ "${d.trackCode}" không có bước "${d.stageCode}" (ngoài các bước của loại hồ sơ, chỉ nhận bước khắc phục của đợt rà soát: "${RecheckStage.remediation}")`);
  });

  file.maintenanceCalendars.forEach((m, i) => {
    if (!refs.tracks.has(m.trackCode)) err(['maintenanceCalendars', i, 'trackCode'], `không có loại hồ sơ "${m.trackCode}"`);
    // The API's rule: each date after the one before (dates left out are the defaults).
    for (const p of maintenanceCalendarProblems(maintenanceCalendarOf(m).calendar)) err(['maintenanceCalendars', i, p.field], p.message);
  });

  for (const unitCode of Object.keys(file.province?.placeNames ?? {})) {
    const unit = refs.units.get(unitCode);
    if (!unit || rootOf(unitCode, refs) !== province || !['province', 'district'].includes(unit.level)) {
      err(['province', 'placeNames', unitCode], `"${unitCode}" không phải tỉnh hoặc huyện của tỉnh "${province}"`);
    }
  }

  file.decisionForms.forEach((f, i) => {
    if (!refs.tracks.has(f.trackCode)) err(['decisionForms', i, 'trackCode'], `không có loại hồ sơ "${f.trackCode}"`);
    const texts: Array<[(string | number)[], string]> = [
      ...(f.proposedBy === null ? [] : [[['proposedBy'], f.proposedBy] as [string[], string]]),
      ...(['legalBases', 'executors', 'recipients'] as const).flatMap((k) => f[k].map((t, j): [(string | number)[], string] => [[k, j], t])),
    ];
    for (const [path, text] of texts) {
      for (const name of unknownPlaceholders(text)) err(['decisionForms', i, ...path], `"{${name}}" không phải cấp đơn vị ({province}, {district}, {commune}, {village})`);
    }
  });

  return errors;
}

/** The province at the top of a unit's chain, or undefined when the chain breaks or loops. */
function rootOf(code: string, refs: References): string | undefined {
  let current: string | null = code;
  for (let hops = 0; current !== null && hops < 10; hops++) {
    const unit = refs.units.get(current);
    if (!unit) return undefined;
    if (unit.level === 'province') return current;
    current = unit.parentCode;
  }
  return undefined;
}
