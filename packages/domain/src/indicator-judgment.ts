import type { Criterion, Threshold, ThresholdKind } from './catalog.js';
import { thresholdFor } from './criteria-set.js';
import { Outcome, evaluateIndicator, rollUpCriterion, type MeasuredValue } from './rollup.js';

/** An indicator as a dossier was opened with it: its threshold for the dossier's unit, or null when none is set. */
export interface PlannedIndicator {
  code: string;
  name: string;
  thresholdKind: ThresholdKind;
  unitOfMeasure: string | null;
  threshold: Threshold | null;
}

export interface ThresholdGroup {
  code: string;
  name: string;
}

/** The criterion's indicators with the thresholds of the unit's group (see thresholdGroupOf). */
export function plannedIndicators(criterion: Pick<Criterion, 'indicators'>, groupCode: string | undefined): PlannedIndicator[] {
  return criterion.indicators.map((i) => {
    const lookup = thresholdFor(i, groupCode);
    return { code: i.code, name: i.name, thresholdKind: i.thresholdKind, unitOfMeasure: i.unitOfMeasure ?? null, threshold: lookup.kind === 'threshold' ? lookup.value : null };
  });
}

/** What the indicator must reach, in Vietnamese: "≥ 80 %", "≤ 5 hộ", "đạt (có)", or "chưa có ngưỡng". */
export function describeThreshold(indicator: Pick<PlannedIndicator, 'thresholdKind' | 'unitOfMeasure' | 'threshold'>): string {
  const t = indicator.threshold;
  if (t === null) return 'chưa có ngưỡng';
  if (t === true) return 'đạt (có)';
  const unit = indicator.thresholdKind === 'percentage' ? ' %' : indicator.unitOfMeasure ? ` ${indicator.unitOfMeasure}` : '';
  return `${indicator.thresholdKind === 'maximum' ? '≤' : '≥'} ${t}${unit}`;
}

export interface IndicatorClaim {
  indicatorCode: string;
  /** The commune's own judgment. */
  met: boolean;
  value: number | boolean | string | null;
}

export interface ClaimedCriterion {
  met: boolean;
  indicators: readonly IndicatorClaim[];
}

/** A part of the claim the rules refuse; `path` points into the claim (['indicators', 0, 'value'], ['met']). */
export interface ClaimProblem {
  path: Array<string | number>;
  message: string;
}

export interface JudgedIndicator extends PlannedIndicator {
  value: MeasuredValue;
  /** The commune's judgment, null when it gave none. */
  claimedMet: boolean | null;
  computed: Outcome;
}

export interface CriterionJudgment {
  indicators: JudgedIndicator[];
  /** Met only when every indicator is; undetermined while one has no threshold or no value (the assessor judges). */
  computed: Outcome;
  problems: ClaimProblem[];
}

function valueProblem(indicator: PlannedIndicator, value: IndicatorClaim['value']): string | null {
  if (value === null) return null;
  if (indicator.thresholdKind === 'boolean') return typeof value === 'boolean' ? null : `chỉ tiêu ${indicator.code} nhận giá trị có/không (true/false)`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `chỉ tiêu ${indicator.code} nhận giá trị là một số`;
  if (indicator.thresholdKind === 'percentage' && (value < 0 || value > 100)) return `chỉ tiêu ${indicator.code} là tỷ lệ phần trăm, từ 0 đến 100`;
  return null;
}

const shown = (v: MeasuredValue) => (v === true ? 'có' : v === false ? 'không' : String(v));

/**
 * Judges a commune's self-assessment of one criterion against the thresholds its dossier was
 * opened with: each measured value is compared with its indicator's threshold, and a claim
 * (the criterion's or an indicator's "met") that contradicts the computed result is a problem
 * quoting the threshold. Indicators without a threshold or a value are left to the assessor.
 */
export function judgeCriterionClaim(
  criterion: { code: string; name: string; indicators: readonly PlannedIndicator[] },
  claim: ClaimedCriterion,
  group: ThresholdGroup | null,
): CriterionJudgment {
  const problems: ClaimProblem[] = [];
  const byCode = new Map(criterion.indicators.map((i) => [i.code, i]));
  const claims = new Map<string, IndicatorClaim>();
  const ofGroup = group ? ` của ${group.name}` : '';
  claim.indicators.forEach((c, i) => {
    const indicator = byCode.get(c.indicatorCode);
    if (!indicator) problems.push({ path: ['indicators', i, 'indicatorCode'], message: `Tiêu chí "${criterion.code}" không có chỉ tiêu "${c.indicatorCode}".` });
    else if (claims.has(c.indicatorCode)) problems.push({ path: ['indicators', i, 'indicatorCode'], message: `Chỉ tiêu "${c.indicatorCode}" được nêu nhiều lần.` });
    else {
      const problem = valueProblem(indicator, c.value);
      if (problem) problems.push({ path: ['indicators', i, 'value'], message: `Giá trị không hợp lệ: ${problem}.` });
      // An invalid value is reported, not judged.
      claims.set(c.indicatorCode, problem ? { ...c, value: null } : c);
    }
  });
  const indicators = criterion.indicators.map((indicator): JudgedIndicator => {
    const c = claims.get(indicator.code);
    const value = typeof c?.value === 'string' ? null : c?.value;
    const threshold = indicator.threshold === null ? ({ kind: 'unset' } as const) : ({ kind: 'threshold', value: indicator.threshold, source: 'group' } as const);
    const computed = evaluateIndicator(indicator, threshold, value).outcome;
    return { ...indicator, value: value ?? null, claimedMet: c?.met ?? null, computed };
  });
  indicators.forEach((j) => {
    if (j.claimedMet === null || j.computed === Outcome.undetermined || (j.computed === Outcome.met) === j.claimedMet) return;
    const index = claim.indicators.findIndex((c) => c.indicatorCode === j.code);
    const verdict = j.computed === Outcome.met ? 'đạt' : 'chưa đạt';
    problems.push({
      path: ['indicators', index, 'met'],
      message: `Chỉ tiêu ${j.code} (${j.name}): giá trị ${shown(j.value)} ${verdict} ngưỡng ${describeThreshold(j)}${ofGroup}; không thể tự đánh giá là "${j.claimedMet ? 'đạt' : 'chưa đạt'}".`,
    });
  });
  const computed = rollUpCriterion(indicators.map((j) => ({ outcome: j.computed })));
  if (claim.met && computed === Outcome.notMet) {
    const unmet = indicators.filter((j) => j.computed === Outcome.notMet).map((j) => `${j.code} = ${shown(j.value)}, ngưỡng ${describeThreshold(j)}`);
    problems.push({ path: ['met'], message: `Tiêu chí "${criterion.name}" chưa đạt${ofGroup}: ${unmet.join('; ')}; không thể tự đánh giá là "đạt".` });
  } else if (!claim.met && computed === Outcome.met) {
    problems.push({ path: ['met'], message: `Mọi chỉ tiêu của tiêu chí "${criterion.name}" đều đạt ngưỡng${ofGroup}; không thể tự đánh giá là "chưa đạt".` });
  }
  return { indicators, computed, problems };
}
