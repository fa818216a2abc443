import type { Db } from '@ntm/db';
import { servesDistrict } from '@ntm/domain';

export interface Appraiser {
  departmentCode: string;
  departmentName: string;
  criterionCodes: string[];
}

/**
 * Which department appraises which criteria of a unit, from the province's assignments (a
 * district's office only for its own district's units), and the criteria nobody is assigned.
 * A dossier's appraisal and a yearly re-check's re-appraisal both read it.
 */
export async function resolveAppraisers(db: Db, provinceCode: string, districtCode: string | null, criteriaSetCode: string, criteria: readonly string[]): Promise<{ appraisers: Appraiser[]; unassigned: string[] }> {
  const [assigned, departments] = await Promise.all([
    db.criterionAssignment.findMany({ where: { provinceCode, criteriaSetCode, criterionCode: { in: [...criteria] } } }),
    db.department.findMany({ where: { provinceCode } }),
  ]);
  const serving = new Set(departments.filter((d) => servesDistrict(d, districtCode)).map((d) => d.code));
  const assignments = assigned.filter((a) => serving.has(a.departmentCode));
  const unassigned = criteria.filter((c) => !assignments.some((a) => a.criterionCode === c));
  const names = new Map(departments.map((d) => [d.code, d.name]));
  const byDepartment = new Map<string, string[]>();
  for (const a of assignments) byDepartment.set(a.departmentCode, [...new Set([...(byDepartment.get(a.departmentCode) ?? []), a.criterionCode])]);
  const appraisers = [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([departmentCode, criterionCodes]) => ({
    departmentCode,
    departmentName: names.get(departmentCode) ?? departmentCode,
    criterionCodes: criterionCodes.sort(),
  }));
  return { appraisers, unassigned };
}
