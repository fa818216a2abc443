import type { CriteriaSetDef, CriterionStatus, ResultRecord, ResultSource } from './model.js';

/** The later of two results; on the same day a department's appraisal wins over a self-assessment. */
function later<T extends { on: string; source: ResultSource }>(a: T | undefined, b: T): T {
  if (a === undefined || b.on > a.on) return b;
  if (b.on === a.on && b.source === 'appraisal' && a.source !== 'appraisal') return b;
  return a;
}

/** The results of one unit on one set, by criterion: latest whole-criterion result and latest per indicator. */
export interface UnitResults {
  criterion: Map<string, ResultRecord>;
  indicators: Map<string, Map<string, ResultRecord>>;
}

/**
 * Indexes results by unit, keeping only the latest on or before `asOf` for each criterion and
 * indicator: a result recorded after the date does not count.
 */
export function indexResults(results: Iterable<ResultRecord>, setCode: string, asOf: string): Map<string, UnitResults> {
  const byUnit = new Map<string, UnitResults>();
  for (const r of results) {
    if (r.criteriaSetCode !== setCode || r.on > asOf) continue;
    let unit = byUnit.get(r.unitCode);
    if (!unit) byUnit.set(r.unitCode, (unit = { criterion: new Map<string, ResultRecord>(), indicators: new Map<string, Map<string, ResultRecord>>() }));
    if (r.indicatorCode === null) {
      unit.criterion.set(r.criterionCode, later(unit.criterion.get(r.criterionCode), r));
    } else {
      let indicators = unit.indicators.get(r.criterionCode);
      if (!indicators) unit.indicators.set(r.criterionCode, (indicators = new Map<string, ResultRecord>()));
      indicators.set(r.indicatorCode, later(indicators.get(r.indicatorCode), r));
    }
  }
  return byUnit;
}

/**
 * A unit's status on each criterion of the set: the latest recorded result. A result on the whole
 * criterion and one built from its indicators (met when every indicator of the criterion has a
 * met result; dated by the latest of them) compete by date. Nothing recorded is "not met".
 */
export function criterionStatuses(set: CriteriaSetDef, unit: UnitResults | undefined): CriterionStatus[] {
  return set.criteria.map((c) => {
    const whole = unit?.criterion.get(c.code);
    const parts = unit?.indicators.get(c.code);
    let fromParts: { on: string; source: ResultSource; met: boolean } | undefined;
    if (parts && parts.size > 0) {
      const recorded = [...parts.values()];
      const latest = recorded.reduce<ResultRecord | undefined>((a, b) => later(a, b), undefined);
      const expected = c.indicatorCodes.length > 0 ? c.indicatorCodes : [...parts.keys()];
      const met = expected.every((code) => parts.get(code)?.met === true);
      if (latest) fromParts = { on: latest.on, source: latest.source, met };
    }
    const chosen = fromParts === undefined ? whole : whole === undefined ? fromParts : later(whole, fromParts);
    return chosen === undefined
      ? { code: c.code, met: false, source: null, on: null }
      : { code: c.code, met: chosen.met, source: chosen.source, on: chosen.on };
  });
}
