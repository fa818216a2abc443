import type { Db } from '@ntm/db';
import type { CatalogFile } from '@ntm/contracts';

/** What a catalog file may refer to: its own entries plus what the database already holds. */
export interface References {
  /** unit code → { level, parentCode } */
  units: Map<string, { level: string; parentCode: string | null }>;
  /** criteria set code → groups and criteria (criterion code → indicator codes) */
  sets: Map<string, { groups: Set<string>; criteria: Map<string, Set<string>> }>;
  /** track code → stage codes */
  tracks: Map<string, Set<string>>;
  /** department codes of the file's province */
  departments: Set<string>;
}

export async function loadReferences(db: Db, file: CatalogFile): Promise<References> {
  const provinceCode = file.province?.code;
  const [units, sets, tracks, departments] = await Promise.all([
    provinceCode ? db.administrativeUnit.findMany({ where: { provinceCode }, select: { code: true, level: true, parentCode: true } }) : [],
    db.criteriaSet.findMany({ select: { code: true, groups: true, criteria: { select: { code: true, indicators: { select: { code: true } } } } } }),
    db.track.findMany({ select: { code: true, stages: true } }),
    provinceCode ? db.department.findMany({ where: { provinceCode }, select: { code: true } }) : [],
  ]);

  const refs: References = {
    units: new Map(units.map((u) => [u.code, { level: u.level, parentCode: u.parentCode }])),
    sets: new Map(
      sets.map((s) => [
        s.code,
        {
          groups: new Set((s.groups as Array<{ code: string }>).map((g) => g.code)),
          criteria: new Map(s.criteria.map((c) => [c.code, new Set(c.indicators.map((i) => i.code))])),
        },
      ]),
    ),
    tracks: new Map(tracks.map((t) => [t.code, new Set((t.stages as Array<{ code: string }>).map((st) => st.code))])),
    departments: new Set(departments.map((d) => d.code)),
  };

  for (const u of file.units) refs.units.set(u.code, { level: u.level, parentCode: u.parentCode });
  for (const s of file.criteriaSets) {
    refs.sets.set(s.code, {
      groups: new Set(s.groups.map((g) => g.code)),
      criteria: new Map(s.criteria.map((c) => [c.code, new Set(c.indicators.map((i) => i.code))])),
    });
  }
  for (const t of file.tracks) refs.tracks.set(t.code, new Set(t.stages.map((st) => st.code)));
  for (const d of file.departments) refs.departments.add(d.code);
  return refs;
}
