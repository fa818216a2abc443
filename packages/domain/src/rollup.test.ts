import { describe, expect, it } from 'vitest';
import type { ThresholdLookup } from './criteria-set.js';
import { type AppraisalVerdict, evaluateIndicator, rollUpAppraisals, rollUpCriterion, rollUpDossier } from './rollup.js';
import { criterion } from './test-fixtures.js';

const at = (value: number | true): ThresholdLookup => ({ kind: 'threshold', value, source: 'default' });
const unset: ThresholdLookup = { kind: 'unset' };

describe('evaluateIndicator', () => {
  it.each([
    ['boolean', true, true, 'met'],
    ['boolean', true, false, 'not_met'],
    ['minimum', 80, 80, 'met'],
    ['minimum', 80, 79.9, 'not_met'],
    ['maximum', 5, 5, 'met'],
    ['maximum', 5, 5.1, 'not_met'],
    ['percentage', 95, 95, 'met'],
    ['percentage', 95, 94.99, 'not_met'],
  ] as const)('%s threshold %s, measured %s → %s', (thresholdKind, t, measured, expected) => {
    expect(evaluateIndicator({ thresholdKind }, at(t), measured).outcome).toBe(expected);
  });

  it('is undetermined while the province has not set the threshold', () => {
    expect(evaluateIndicator({ thresholdKind: 'minimum' }, unset, 100)).toEqual({
      outcome: 'undetermined',
      reason: 'threshold_unset',
    });
  });

  it.each([null, undefined])('is undetermined when nothing was measured (%s)', (measured) => {
    expect(evaluateIndicator({ thresholdKind: 'boolean' }, at(true), measured)).toEqual({
      outcome: 'undetermined',
      reason: 'not_measured',
    });
  });

  it.each([
    ['boolean', 1],
    ['minimum', true],
    ['percentage', Number.NaN],
  ] as const)('does not judge a %s indicator from a measurement of the wrong type (%s)', (thresholdKind, measured) => {
    expect(evaluateIndicator({ thresholdKind }, at(thresholdKind === 'boolean' ? true : 50), measured)).toEqual({
      outcome: 'undetermined',
      reason: 'invalid_measurement',
    });
  });

  it('does not judge against a threshold of the wrong type', () => {
    expect(evaluateIndicator({ thresholdKind: 'minimum' }, at(true), 3)).toEqual({
      outcome: 'undetermined',
      reason: 'invalid_threshold',
    });
    expect(evaluateIndicator({ thresholdKind: 'boolean' }, at(1), true)).toEqual({
      outcome: 'undetermined',
      reason: 'invalid_threshold',
    });
  });
});

describe('rollUpCriterion', () => {
  const r = (...outcomes: Array<'met' | 'not_met' | 'undetermined'>) => outcomes.map((outcome) => ({ outcome }));

  it('is met when every indicator is met', () => {
    expect(rollUpCriterion(r('met', 'met', 'met'))).toBe('met');
  });

  it('is not met when any indicator is not met, even if others are undetermined', () => {
    expect(rollUpCriterion(r('met', 'undetermined', 'not_met'))).toBe('not_met');
  });

  it('is undetermined when none fails but some are undetermined', () => {
    expect(rollUpCriterion(r('met', 'undetermined'))).toBe('undetermined');
  });

  it('is undetermined, not met, without any indicator result', () => {
    expect(rollUpCriterion([])).toBe('undetermined');
  });
});

describe('rollUpDossier', () => {
  const required = [criterion(1), criterion(2), criterion(3), criterion(4)];

  it('meets the standard when every required criterion is met; extra results are ignored', () => {
    const results = ['C1', 'C2', 'C3', 'C4', 'EXTRA'].map((criterionCode) => ({ criterionCode, outcome: 'met' as const }));
    expect(rollUpDossier(results, required)).toEqual({
      total: 4,
      met: 4,
      notMet: 0,
      undetermined: 0,
      unmetCodes: [],
      undeterminedCodes: [],
      meetsStandard: true,
    });
  });

  it('counts unmet and undetermined criteria, a missing result being undetermined', () => {
    const results = [
      { criterionCode: 'C3', outcome: 'not_met' as const },
      { criterionCode: 'C1', outcome: 'met' as const },
      { criterionCode: 'C2', outcome: 'undetermined' as const },
    ];
    expect(rollUpDossier(results, required)).toEqual({
      total: 4,
      met: 1,
      notMet: 1,
      undetermined: 2,
      unmetCodes: ['C3'],
      undeterminedCodes: ['C2', 'C4'],
      meetsStandard: false,
    });
  });

  it('never meets the standard with no required criteria', () => {
    expect(rollUpDossier([], []).meetsStandard).toBe(false);
  });

  it('rejects two results for the same criterion', () => {
    const twice = [
      { criterionCode: 'C1', outcome: 'met' as const },
      { criterionCode: 'C1', outcome: 'not_met' as const },
    ];
    expect(() => rollUpDossier(twice, required)).toThrow(/C1/);
  });
});

describe('rollUpAppraisals', () => {
  it.each<[AppraisalVerdict[], AppraisalVerdict]>([
    [['met', 'needs_supplementation', 'pending', 'not_met'], 'not_met'],
    [['met', 'pending', 'needs_supplementation'], 'needs_supplementation'],
    [['met', 'pending'], 'pending'],
    [['met', 'met'], 'met'],
    [['met'], 'met'],
    [[], 'pending'],
  ])('%j → %s', (verdicts, expected) => {
    expect(rollUpAppraisals(verdicts)).toBe(expected);
  });
});
