import { describe, expect, it } from 'vitest';
import { thresholdGroupOf } from './criteria-set.js';
import { describeThreshold, judgeCriterionClaim, plannedIndicators, type PlannedIndicator } from './indicator-judgment.js';
import { criteriaSet, criterion, indicator, unit } from './test-fixtures.js';

const percent = indicator({ code: '1.1', name: 'Tỷ lệ thử', thresholdKind: 'percentage', thresholds: { default: null, byGroup: { G1: 80, G2: 60 } } });
const yesNo = indicator({ code: '1.2', name: 'Có quy hoạch', thresholdKind: 'boolean', thresholds: { default: true, byGroup: {} } });
const open = indicator({ code: '1.3', name: 'Chưa có ngưỡng', thresholdKind: 'minimum', thresholds: { default: null, byGroup: {} } });
const c1 = criterion(1, { name: 'Quy hoạch', indicators: [percent, yesNo, open] });
const planned = (group: string): { code: string; name: string; indicators: PlannedIndicator[] } => ({ code: 'C1', name: 'Quy hoạch', indicators: plannedIndicators(c1, group) });
const g1 = { code: 'G1', name: 'Nhóm 1' };
const claim = (met: boolean, value: number, percentMet = met) => ({
  met,
  indicators: [
    { indicatorCode: '1.1', met: percentMet, value },
    { indicatorCode: '1.2', met: true, value: true },
  ],
});

describe('thresholdGroupOf (Quyết định 318 Điều 1)', () => {
  const set = criteriaSet({ specialDifficultyGroup: 'G2' });
  it('is the unit\'s own group', () => expect(thresholdGroupOf(unit({ groupings: { 'SET-A': 'G1' } }), set)).toBe('G1'));
  it('is the designated group for an especially disadvantaged commune wherever it is', () =>
    expect(thresholdGroupOf(unit({ groupings: { 'SET-A': 'G1' }, specialDifficulty: true }), set)).toBe('G2'));
  it('stays the own group where the set designates none', () =>
    expect(thresholdGroupOf(unit({ groupings: { 'SET-A': 'G1' }, specialDifficulty: true }), criteriaSet())).toBe('G1'));
});

describe('judgeCriterionClaim', () => {
  it('computes met when every thresholded value reaches it, leaving the unthresholded one to the assessor', () => {
    const j = judgeCriterionClaim(planned('G1'), claim(true, 85), g1);
    expect(j.problems).toEqual([]);
    expect(j.indicators.map((i) => [i.code, i.computed])).toEqual([['1.1', 'met'], ['1.2', 'met'], ['1.3', 'undetermined']]);
    expect(j.computed).toBe('undetermined');
  });

  it('refuses a "met" claim below the group\'s threshold, quoting it', () => {
    const j = judgeCriterionClaim(planned('G1'), claim(true, 70), g1);
    expect(j.computed).toBe('not_met');
    expect(j.problems.map((p) => p.path)).toEqual([['indicators', 0, 'met'], ['met']]);
    expect(j.problems[0]?.message).toContain('≥ 80 % của Nhóm 1');
    expect(j.problems[1]?.message).toContain('1.1 = 70, ngưỡng ≥ 80 %');
  });

  it('accepts the same value in a group whose threshold it reaches', () => {
    expect(judgeCriterionClaim(planned('G2'), claim(true, 70), { code: 'G2', name: 'Nhóm 2' }).problems).toEqual([]);
  });

  it('accepts an honest "not met" and refuses a "not met" that every indicator contradicts', () => {
    expect(judgeCriterionClaim(planned('G1'), claim(false, 70), g1).problems).toEqual([]);
    const all = { code: 'C1', name: 'Quy hoạch', indicators: plannedIndicators(c1, 'G1').slice(0, 2) };
    expect(judgeCriterionClaim(all, claim(false, 90, true), g1).problems.map((p) => p.path)).toEqual([['met']]);
  });

  it('names an indicator the criterion does not have and a value of the wrong kind', () => {
    const j = judgeCriterionClaim(planned('G1'), { met: false, indicators: [{ indicatorCode: '9.9', met: true, value: 1 }, { indicatorCode: '1.2', met: true, value: 5 }, { indicatorCode: '1.1', met: false, value: 120 }] }, g1);
    expect(j.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['indicators.0.indicatorCode', 'Tiêu chí "C1" không có chỉ tiêu "9.9".'],
      ['indicators.1.value', 'Giá trị không hợp lệ: chỉ tiêu 1.2 nhận giá trị có/không (true/false).'],
      ['indicators.2.value', 'Giá trị không hợp lệ: chỉ tiêu 1.1 là tỷ lệ phần trăm, từ 0 đến 100.'],
    ]);
  });

  it('leaves a claim without values to the assessor', () => {
    const j = judgeCriterionClaim(planned('G1'), { met: true, indicators: [] }, g1);
    expect(j.problems).toEqual([]);
    expect(j.computed).toBe('undetermined');
  });
});

describe('describeThreshold', () => {
  it.each([
    [{ thresholdKind: 'percentage' as const, unitOfMeasure: null, threshold: 80 }, '≥ 80 %'],
    [{ thresholdKind: 'maximum' as const, unitOfMeasure: 'hộ', threshold: 5 }, '≤ 5 hộ'],
    [{ thresholdKind: 'boolean' as const, unitOfMeasure: null, threshold: true as const }, 'đạt (có)'],
    [{ thresholdKind: 'minimum' as const, unitOfMeasure: null, threshold: null }, 'chưa có ngưỡng'],
  ])('%o → %s', (indicator, text) => expect(describeThreshold(indicator)).toBe(text));
});
