import type {
  Band,
  CommuneFigures,
  CriteriaSetDef,
  DistrictCriteriaStatus,
  GroupFigures,
  PlannedCommune,
  ProgressReport,
  RecognitionFact,
  ReportInput,
  ReportUnit,
  UnitStatus,
} from './model.js';
import type { SetResults } from './status.js';

/** Rounded to two decimals, as the reports print them (14,44). */
export const round2 = (n: number) => Math.round(n * 100) / 100;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : round2((part * 100) / whole));
const average = (values: readonly number[]) => (values.length === 0 ? 0 : round2(values.reduce((a, b) => a + b, 0) / values.length));

/**
 * The bands of criteria met the seeds report (19; 15–18; 10–14; 5–9; under 5), cut to a set of
 * `total` criteria: the top band is "all of them".
 */
export function defaultBands(total: number): Band[] {
  const bands: Band[] = [{ min: total, max: total }];
  for (const [min, max] of [[15, 18], [10, 14], [5, 9], [0, 4]] as const) {
    const top = Math.min(max, total - 1);
    if (top >= min) bands.push({ min, max: top });
  }
  return bands;
}

/** Whether a recognition is in force on the date: decided by then and not revoked by then. */
export function inForce(r: RecognitionFact, asOf: string): boolean {
  if (r.from > asOf) return false;
  if (r.revokedOn === null) return true;
  return r.revokedOn !== 'unknown' && r.revokedOn > asOf;
}

function figures(statuses: readonly UnitStatus[], recognised: ReadonlySet<string>, bands: readonly Band[]): CommuneFigures {
  const atStandard = statuses.filter((s) => s.atStandard);
  return {
    communes: statuses.length,
    atStandard: atStandard.length,
    recognisedAtStandard: atStandard.filter((s) => recognised.has(s.code)).length,
    recognised: statuses.filter((s) => recognised.has(s.code)).length,
    sharePercent: percent(atStandard.length, statuses.length),
    averageMet: average(statuses.map((s) => s.met)),
    bands: bands.map((b) => ({ min: b.min, max: b.max, count: statuses.filter((s) => s.met >= b.min && s.met <= b.max).length })),
  };
}

/** At standard: every criterion of the set met. */
const isAtStandard = (met: number, total: number) => met === total && met > 0;

function statusOf(unit: ReportUnit, groupCode: string | null, results: SetResults): UnitStatus {
  const criteria = results.statuses(unit.code);
  const met = criteria.filter((c) => c.met).length;
  return { code: unit.code, name: unit.name, groupCode, met, total: criteria.length, atStandard: isAtStandard(met, criteria.length), criteria };
}

const namesOf = (set: CriteriaSetDef, codes: (code: string) => boolean) =>
  set.criteria.filter((c) => codes(c.code)).map((c) => c.name);

function districtStatus(results: SetResults, unitCode: string): DistrictCriteriaStatus | null {
  if (!results.has(unitCode)) return null;
  const set = results.set;
  const statuses = results.statuses(unitCode);
  const met = new Set(statuses.filter((s) => s.met).map((s) => s.code));
  let indicatorsMet = 0;
  let indicatorsTotal = 0;
  for (const c of set.criteria) {
    indicatorsTotal += c.indicatorCodes.length;
    // A criterion met as a whole has all its indicators met; otherwise count those recorded met.
    indicatorsMet += met.has(c.code) ? c.indicatorCodes.length : c.indicatorCodes.filter((i) => results.indicatorMet(unitCode, c.code, i)).length;
  }
  return {
    met: met.size,
    total: set.criteria.length,
    indicatorsMet,
    indicatorsTotal,
    metCriteria: namesOf(set, (c) => met.has(c)),
    unmetCriteria: namesOf(set, (c) => !met.has(c)),
  };
}

/** Every figure of the progress report on the input's date. Pure: the same input gives the same report. */
export function computeReport(input: ReportInput): ProgressReport {
  const { sets, asOf } = input;
  if (input.results.asOf !== asOf) throw new Error(`results as of ${input.results.asOf} for a report as of ${asOf}`);
  const byCode = new Map(input.units.map((u) => [u.code, u]));
  const groupOf = (unit: ReportUnit): ReportUnit | null => {
    for (let parent = unit.parentCode; parent !== null; ) {
      const p = byCode.get(parent);
      if (!p) return null;
      if (p.level === input.groupLevel) return p;
      parent = p.parentCode;
    }
    return null;
  };

  const communeResults = input.results.of(sets.commune);
  const communes = input.units.filter((u) => u.level === 'commune');
  const statuses = communes.map((u) => statusOf(u, groupOf(u)?.code ?? null, communeResults));
  const recognised = new Set(input.recognitions.filter((r) => r.trackCode === input.tracks.commune && inForce(r, asOf)).map((r) => r.unitCode));

  const groups = input.groupLevel === null ? [] : input.units.filter((u) => u.level === input.groupLevel);
  const districtResults = sets.district ? input.results.of(sets.district) : null;
  const groupFigures: GroupFigures[] = groups.map((g) => ({
    code: g.code,
    name: g.name,
    figures: figures(statuses.filter((s) => s.groupCode === g.code), recognised, input.bands),
    districtCriteria: districtResults ? districtStatus(districtResults, g.code) : null,
  }));

  const criteria = sets.commune.criteria.map((c, i) => {
    const notMet = statuses.filter((s) => s.criteria[i]?.met !== true).length;
    return { code: c.code, number: c.number, name: c.name, notMet, notMetPercent: percent(notMet, statuses.length) };
  });

  const statusByCode = new Map(statuses.map((s) => [s.code, s]));
  const groupName = (code: string) => {
    const unit = byCode.get(code);
    return unit ? (groupOf(unit)?.name ?? null) : null;
  };
  const year = Number(asOf.slice(0, 4));
  const plannedYears = [...new Set(input.targets.filter((t) => t.trackCode === input.tracks.commune && t.targetYear >= year).map((t) => t.targetYear))].sort();
  const planned = plannedYears.map((targetYear) => {
    const list: PlannedCommune[] = input.targets
      .filter((t) => t.trackCode === input.tracks.commune && t.targetYear === targetYear)
      .flatMap((t) => {
        const s = statusByCode.get(t.unitCode);
        if (!s) return [];
        const met = new Set(s.criteria.filter((c) => c.met).map((c) => c.code));
        return [{ code: s.code, name: s.name, groupName: groupName(s.code), met: s.met, total: s.total, unmetCriteria: namesOf(sets.commune, (c) => !met.has(c)) }];
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { year: targetYear, communes: list, averageMet: average(list.map((c) => c.met)) };
  });

  const advanced = sets.advanced ? advancedCommunes(input, sets.advanced, communes, groupName) : null;
  const villages = sets.village ? villageFigures(input, sets.village) : null;

  const sources = { appraisal: 0, selfAssessment: 0, none: 0 };
  for (const s of statuses) {
    for (const c of s.criteria) {
      if (c.source === 'appraisal') sources.appraisal++;
      else if (c.source === 'self_assessment') sources.selfAssessment++;
      else sources.none++;
    }
  }

  return {
    scope: input.scope,
    asOf,
    criteriaSet: { code: sets.commune.code, name: sets.commune.name, criteriaCount: sets.commune.criteria.length },
    summary: figures(statuses, recognised, input.bands),
    groupLevel: input.groupLevel,
    groups: groupFigures,
    criteria,
    planned,
    advanced,
    villages,
    communes: statuses,
    sources,
  };
}

/** Communes working toward the advanced standard: those with a target or any result on its set. */
function advancedCommunes(input: ReportInput, set: CriteriaSetDef, communes: readonly ReportUnit[], groupName: (code: string) => string | null): NonNullable<ProgressReport['advanced']> {
  const results = input.results.of(set);
  const targeted = new Set(input.targets.filter((t) => t.trackCode === input.tracks.advanced).map((t) => t.unitCode));
  const list = communes
    .filter((u) => targeted.has(u.code) || results.has(u.code))
    .map((u) => {
      const s = statusOf(u, null, results);
      const met = new Set(s.criteria.filter((c) => c.met).map((c) => c.code));
      return { code: u.code, name: u.name, groupName: groupName(u.code), met: s.met, total: s.total, metCriteria: namesOf(set, (c) => met.has(c)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { criteriaSet: { code: set.code, name: set.name, criteriaCount: set.criteria.length }, communes: list };
}

function villageFigures(input: ReportInput, set: CriteriaSetDef): NonNullable<ProgressReport['villages']> {
  // Only counts are reported for villages: tens of thousands of them, so no status objects.
  const results = input.results.of(set);
  const total = set.criteria.length;
  const met = input.units.filter((u) => u.level === 'village').map((u) => results.metCount(u.code));
  const others = met.filter((n) => !isAtStandard(n, total));
  return { criteriaCount: total, villages: met.length, atStandard: met.length - others.length, averageMetOfOthers: average(others) };
}
