import type { Db } from '@ntm/db';
import type { CriteriaSetDef } from '@ntm/reports';

/** The tracks and criteria sets a report reads, as the catalog has them. */
export interface ReportCatalog {
  tracks: { commune: string; advanced: string | null };
  /** The sets in force in a year for a province (null: the country, without village sets). */
  setsFor(year: number, provinceCode: string | null): { commune: CriteriaSetDef | null; advanced: CriteriaSetDef | null; village: CriteriaSetDef | null; district: CriteriaSetDef | null };
}

interface SetRow extends CriteriaSetDef {
  unitLevel: string;
  validFromYear: number;
  validToYear: number;
  ownerProvinceCode: string | null;
}

/**
 * Reads the catalog's tracks and sets. The commune track is the commune-level track with no
 * prerequisite; the advanced one is the commune-level track that requires it. Village sets are a
 * province's own; the district set is any district-level set.
 */
export async function readReportCatalog(db: Db): Promise<ReportCatalog | null> {
  const [tracks, sets] = await Promise.all([
    db.track.findMany({ where: { unitLevel: 'commune' }, select: { code: true, prerequisites: true, criteriaSetCodes: true } }),
    db.criteriaSet.findMany({
      select: {
        code: true,
        name: true,
        unitLevel: true,
        validFromYear: true,
        validToYear: true,
        ownerProvinceCode: true,
        criteria: { orderBy: { number: 'asc' }, select: { code: true, number: true, name: true, indicators: { orderBy: { position: 'asc' }, select: { code: true } } } },
      },
    }),
  ]);
  const commune = tracks.find((t) => t.prerequisites.length === 0);
  if (!commune) return null;
  const advanced = tracks.find((t) => t.prerequisites.includes(commune.code)) ?? null;
  const rows: SetRow[] = sets.map((s) => ({ ...s, criteria: s.criteria.map((c) => ({ code: c.code, number: c.number, name: c.name, indicatorCodes: c.indicators.map((i) => i.code) })) }));
  const inForce = (year: number) => (s: SetRow) => s.validFromYear <= year && year <= s.validToYear;
  const ofTrack = (codes: readonly string[], year: number) => rows.find((s) => codes.includes(s.code) && inForce(year)(s)) ?? null;
  return {
    tracks: { commune: commune.code, advanced: advanced?.code ?? null },
    setsFor(year, provinceCode) {
      return {
        commune: ofTrack(commune.criteriaSetCodes, year),
        advanced: advanced ? ofTrack(advanced.criteriaSetCodes, year) : null,
        village: provinceCode === null ? null : (rows.find((s) => s.unitLevel === 'village' && s.ownerProvinceCode === provinceCode && inForce(year)(s)) ?? null),
        district: rows.find((s) => s.unitLevel === 'district' && (s.ownerProvinceCode === null || s.ownerProvinceCode === provinceCode) && inForce(year)(s)) ?? null,
      };
    },
  };
}
