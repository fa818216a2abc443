import type { Criterion, Indicator } from './catalog.js';
import type { ThresholdLookup } from './criteria-set.js';

export const Outcome = { met: 'met', notMet: 'not_met', undetermined: 'undetermined' } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

export const UndeterminedReason = {
  thresholdUnset: 'threshold_unset',
  notMeasured: 'not_measured',
  invalidMeasurement: 'invalid_measurement',
  invalidThreshold: 'invalid_threshold',
} as const;
export type UndeterminedReason = (typeof UndeterminedReason)[keyof typeof UndeterminedReason];

export type IndicatorResult =
  | { outcome: typeof Outcome.met | typeof Outcome.notMet }
  | { outcome: typeof Outcome.undetermined; reason: UndeterminedReason };

/** A boolean for a boolean indicator, a number otherwise; null or undefined when not measured yet. */
export type MeasuredValue = number | boolean | null | undefined;

const undetermined = (reason: UndeterminedReason): IndicatorResult => ({ outcome: Outcome.undetermined, reason });
const metIf = (met: boolean): IndicatorResult => ({ outcome: met ? Outcome.met : Outcome.notMet });

export function evaluateIndicator(
  indicator: Pick<Indicator, 'thresholdKind'>,
  threshold: ThresholdLookup,
  measured: MeasuredValue,
): IndicatorResult {
  if (threshold.kind === 'unset') return undetermined(UndeterminedReason.thresholdUnset);
  if (measured === null || measured === undefined) return undetermined(UndeterminedReason.notMeasured);
  const t = threshold.value;
  if (indicator.thresholdKind === 'boolean') {
    if (t !== true) return undetermined(UndeterminedReason.invalidThreshold);
    return typeof measured === 'boolean' ? metIf(measured) : undetermined(UndeterminedReason.invalidMeasurement);
  }
  if (typeof t !== 'number') return undetermined(UndeterminedReason.invalidThreshold);
  if (typeof measured !== 'number' || Number.isNaN(measured)) return undetermined(UndeterminedReason.invalidMeasurement);
  switch (indicator.thresholdKind) {
    case 'minimum':
    case 'percentage':
      return metIf(measured >= t);
    case 'maximum':
      return metIf(measured <= t);
  }
}

/**
 * Met when every indicator is met; not met as soon as one is not met; otherwise undetermined.
 * A criterion with no indicator results is undetermined, never met by default.
 */
export function rollUpCriterion(indicatorResults: ReadonlyArray<{ outcome: Outcome }>): Outcome {
  if (indicatorResults.some((r) => r.outcome === Outcome.notMet)) return Outcome.notMet;
  if (indicatorResults.length > 0 && indicatorResults.every((r) => r.outcome === Outcome.met)) return Outcome.met;
  return Outcome.undetermined;
}

export type CriterionResult = { criterionCode: string; outcome: Outcome };

export type DossierRollUp = {
  total: number;
  met: number;
  notMet: number;
  undetermined: number;
  /** In the order of the required criteria. */
  unmetCodes: string[];
  undeterminedCodes: string[];
  meetsStandard: boolean;
};

/**
 * Counts over the required criteria only; a required criterion without a result is undetermined.
 * The standard is met when every required criterion is met (and at least one is required).
 */
export function rollUpDossier(
  criteriaResults: readonly CriterionResult[],
  required: ReadonlyArray<Pick<Criterion, 'code'>>,
): DossierRollUp {
  const outcomes = new Map<string, Outcome>();
  for (const { criterionCode, outcome } of criteriaResults) {
    if (outcomes.has(criterionCode)) throw new Error(`Duplicate result for criterion ${criterionCode}`);
    outcomes.set(criterionCode, outcome);
  }
  const unmetCodes: string[] = [];
  const undeterminedCodes: string[] = [];
  let met = 0;
  for (const { code } of required) {
    const outcome = outcomes.get(code) ?? Outcome.undetermined;
    if (outcome === Outcome.met) met += 1;
    else if (outcome === Outcome.notMet) unmetCodes.push(code);
    else undeterminedCodes.push(code);
  }
  const total = required.length;
  return {
    total,
    met,
    notMet: unmetCodes.length,
    undetermined: undeterminedCodes.length,
    unmetCodes,
    undeterminedCodes,
    meetsStandard: total > 0 && met === total,
  };
}

/** A department's verdict on a criterion it appraises. */
export const AppraisalVerdict = {
  met: 'met',
  notMet: 'not_met',
  needsSupplementation: 'needs_supplementation',
  pending: 'pending',
} as const;
export type AppraisalVerdict = (typeof AppraisalVerdict)[keyof typeof AppraisalVerdict];

/**
 * Combines the verdicts of every department appraising one criterion: not met beats a request for
 * supplementation, which beats pending; met only when all agree. No verdicts at all is pending.
 */
export function rollUpAppraisals(verdicts: readonly AppraisalVerdict[]): AppraisalVerdict {
  const precedence = [AppraisalVerdict.notMet, AppraisalVerdict.needsSupplementation, AppraisalVerdict.pending];
  for (const verdict of precedence) {
    if (verdicts.includes(verdict)) return verdict;
  }
  return verdicts.length === 0 ? AppraisalVerdict.pending : AppraisalVerdict.met;
}
