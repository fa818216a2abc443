import type { AdministrativeUnit, CriteriaSet, Criterion, Indicator, Threshold, Track } from './catalog.js';

export type CriteriaSetInForce =
  | { kind: 'found'; set: CriteriaSet }
  | { kind: 'none'; message: string }
  | { kind: 'ambiguous'; setCodes: string[]; message: string };

/**
 * The version of the track's criteria set whose year range (inclusive) contains `year`. Only sets
 * the track lists are considered; overlapping versions are a catalog error, not a choice to make here.
 */
export function criteriaSetInForce(
  track: Pick<Track, 'name' | 'criteriaSetCodes'>,
  sets: readonly CriteriaSet[],
  year: number,
): CriteriaSetInForce {
  const allowed = new Set(track.criteriaSetCodes);
  const byCode = new Map<string, CriteriaSet>();
  for (const set of sets) {
    if (allowed.has(set.code) && set.validFromYear <= year && year <= set.validToYear) byCode.set(set.code, set);
  }
  const matches = [...byCode.values()];
  const [only] = matches;
  if (only === undefined) {
    return { kind: 'none', message: `Không có bộ tiêu chí nào của "${track.name}" áp dụng cho năm ${year}.` };
  }
  if (matches.length > 1) {
    const setCodes = matches.map((s) => s.code).sort();
    return {
      kind: 'ambiguous',
      setCodes,
      message: `Có nhiều bộ tiêu chí của "${track.name}" cùng áp dụng cho năm ${year}: ${setCodes.join(', ')}.`,
    };
  }
  return { kind: 'found', set: only };
}

/** Every criterion of the set must be met; returned in the set's numbering order. */
export function requiredCriteria(set: Pick<CriteriaSet, 'criteria'>): Criterion[] {
  return [...set.criteria].sort((a, b) => a.number - b.number);
}

/** The group a unit belongs to in a criteria set (e.g. its socio-economic region), if assigned. */
export function unitGroup(unit: Pick<AdministrativeUnit, 'groupings'>, set: Pick<CriteriaSet, 'code'>): string | undefined {
  return Object.hasOwn(unit.groupings, set.code) ? unit.groupings[set.code] : undefined;
}

export type ThresholdLookup =
  | { kind: 'threshold'; value: Threshold; source: 'group' | 'default' }
  /** The province has yet to set the threshold. */
  | { kind: 'unset' };

/**
 * The group's override if the indicator has one for the group, else the common threshold.
 * An override recorded as null stays unset: it does not fall back to the common threshold.
 */
export function thresholdFor(indicator: Pick<Indicator, 'thresholds'>, groupCode: string | undefined): ThresholdLookup {
  const { byGroup, default: common } = indicator.thresholds;
  if (groupCode !== undefined && Object.hasOwn(byGroup, groupCode)) {
    const value = byGroup[groupCode];
    return value === null || value === undefined ? { kind: 'unset' } : { kind: 'threshold', value, source: 'group' };
  }
  return common === null ? { kind: 'unset' } : { kind: 'threshold', value: common, source: 'default' };
}

/**
 * The group whose thresholds judge a unit in a set: its own group, except that an especially
 * disadvantaged commune (or a safe-zone commune of a poor district) uses the set's designated
 * group wherever it is (Quyết định 318/QĐ-TTg Điều 1: the northern midlands and mountains).
 */
export function thresholdGroupOf(
  unit: Pick<AdministrativeUnit, 'groupings' | 'specialDifficulty'>,
  set: Pick<CriteriaSet, 'code' | 'specialDifficultyGroup'>,
): string | undefined {
  if (unit.specialDifficulty === true && set.specialDifficultyGroup) return set.specialDifficultyGroup;
  return unitGroup(unit, set);
}
