/**
 * Whether a department may appraise a dossier of a unit in the given district: a provincial
 * department appraises anywhere in its province, a district's office only its own district's
 * dossiers. A province assigns a village criterion to the like office of every district, and each
 * dossier gets its own district's.
 */
export function servesDistrict(department: { level: string; districtCode: string | null }, districtCode: string | null): boolean {
  return department.level !== 'district' || department.districtCode === districtCode;
}
