import type { CatalogFile } from '@ntm/contracts';
import { toStoredDate } from '@ntm/domain';
import { toSearchName } from './search-name.js';

// The database rows a catalog file stands for; import compares and writes these.

type File = CatalogFile;
type Province = NonNullable<File['province']>;

export const provinceRow = (p: Province) => ({
  code: p.code,
  name: p.name,
  hasDistrictStage: p.hasDistrictStage,
  chainChanges: p.chainChanges,
  postingPeriodDays: p.postingPeriodDays,
  satisfactionThresholdPercent: p.satisfactionThresholdPercent,
  placeNames: p.placeNames,
});

export const unitRow = (u: File['units'][number], provinceCode: string) => ({
  code: u.code,
  level: u.level,
  name: u.name,
  searchName: toSearchName(u.name),
  parentCode: u.parentCode,
  provinceCode,
  validFrom: toStoredDate(u.validFrom),
  validTo: u.validTo === null ? null : toStoredDate(u.validTo),
  specialDifficulty: u.specialDifficulty,
});

export const criteriaSetRow = (s: File['criteriaSets'][number]) => ({
  code: s.code,
  name: s.name,
  legalBasis: s.legalBasis,
  unitLevel: s.unitLevel,
  validFromYear: s.validFromYear,
  validToYear: s.validToYear,
  ownerProvinceCode: s.ownerProvinceCode,
  isSample: s.isSample,
  groups: s.groups,
  specialDifficultyGroup: s.specialDifficultyGroup,
});

export const criterionRows = (s: File['criteriaSets'][number]) =>
  s.criteria.map((c) => ({ criteriaSetCode: s.code, code: c.code, number: c.number, name: c.name, description: c.description, isKey: c.isKey }));

export const indicatorRows = (s: File['criteriaSets'][number]) =>
  s.criteria.flatMap((c) =>
    c.indicators.map((i, position) => ({
      criteriaSetCode: s.code,
      criterionCode: c.code,
      code: i.code,
      name: i.name,
      unitOfMeasure: i.unitOfMeasure,
      thresholdKind: i.thresholdKind,
      thresholds: i.thresholds,
      isSample: i.isSample,
      position,
    })),
  );

export const trackRow = (t: File['tracks'][number]) => ({ ...t });

export const departmentRow = (d: File['departments'][number], provinceCode: string) => ({ provinceCode, ...d });

export const durationRow = (d: File['durations'][number], provinceCode: string) => ({ provinceCode, ...d });

export const decisionFormRow = (f: File['decisionForms'][number], provinceCode: string) => ({ provinceCode, ...f });

export const holidayRow = (h: File['holidays'][number], provinceCode: string) => ({ provinceCode, date: toStoredDate(h.date), name: h.name });

/** Assignments grouped by what they assign: the file's list replaces the departments of each group. */
export function assignmentGroups(file: File): Map<string, { criteriaSetCode: string; criterionCode: string; indicatorCode: string; departments: string[] }> {
  const groups = new Map<string, { criteriaSetCode: string; criterionCode: string; indicatorCode: string; departments: string[] }>();
  for (const a of file.assignments) {
    const indicatorCode = a.indicatorCode ?? '';
    const key = `${a.criteriaSetCode}/${a.criterionCode}/${indicatorCode}`;
    const group = groups.get(key) ?? { criteriaSetCode: a.criteriaSetCode, criterionCode: a.criterionCode, indicatorCode, departments: [] };
    group.departments.push(a.departmentCode);
    groups.set(key, group);
  }
  for (const g of groups.values()) g.departments.sort();
  return groups;
}
