import { describe, expect, it } from 'vitest';
import { type MaintenanceCriterion, assessMaintenance } from './revocation.js';

/** `total` criteria, the first `unmet` unmet; `keyUnmet` marks the first unmet one as a key criterion. */
function synthetic(total: number, unmet: number, keyUnmet: boolean): MaintenanceCriterion[] {
  return Array.from({ length: total }, (_, i) => ({
    code: `C${i + 1}`,
    isKey: keyUnmet && i === 0,
    met: i >= unmet,
  }));
}

describe('assessMaintenance at the exact boundaries (100 criteria)', () => {
  it.each([
    [29, false, 'at_risk', null],
    [29, true, 'at_risk', null],
    [30, false, 'at_risk', null],
    [30, true, 'revocation_proposed', 'thirty_percent_with_key_unmet'],
    [49, false, 'at_risk', null],
    [49, true, 'revocation_proposed', 'thirty_percent_with_key_unmet'],
    [50, false, 'revocation_proposed', 'half_or_more_unmet'],
    [50, true, 'revocation_proposed', 'half_or_more_unmet'],
  ] as const)('%i unmet, key unmet: %s → %s', (unmet, keyUnmet, outcome, ground) => {
    const result = assessMaintenance({ criteria: synthetic(100, unmet, keyUnmet) });
    expect(result.outcome).toBe(outcome);
    expect(result.ground).toBe(ground);
    expect(result.unmetShare).toBe(unmet / 100);
  });
});

describe('assessMaintenance with the 19-criterion shape', () => {
  it('is maintained when nothing is unmet', () => {
    expect(assessMaintenance({ criteria: synthetic(19, 0, false) })).toEqual({
      outcome: 'maintained',
      ground: null,
      unmetCount: 0,
      total: 19,
      unmetShare: 0,
      unmetCodes: [],
      unmetKeyCodes: [],
    });
  });

  it('puts 6/19 (31.6%) at risk without a key criterion', () => {
    const result = assessMaintenance({ criteria: synthetic(19, 6, false) });
    expect(result.outcome).toBe('at_risk');
    expect(result.unmetCodes).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
    expect(result.unmetKeyCodes).toEqual([]);
  });

  it('proposes revocation for 6/19 with a key criterion unmet', () => {
    const result = assessMaintenance({ criteria: synthetic(19, 6, true) });
    expect(result.outcome).toBe('revocation_proposed');
    expect(result.unmetKeyCodes).toEqual(['C1']);
  });

  it('proposes revocation for 10/19 (52.6%) without a key criterion', () => {
    const result = assessMaintenance({ criteria: synthetic(19, 10, false) });
    expect(result.outcome).toBe('revocation_proposed');
    expect(result.ground).toBe('half_or_more_unmet');
  });

  it('keeps 9/19 (47.4%) at risk without a key criterion', () => {
    expect(assessMaintenance({ criteria: synthetic(19, 9, false) }).outcome).toBe('at_risk');
  });

  it('keeps 5/19 (26.3%) at risk even with a key criterion unmet', () => {
    const result = assessMaintenance({ criteria: synthetic(19, 5, true) });
    expect(result.outcome).toBe('at_risk');
    expect(result.unmetKeyCodes).toEqual(['C1']);
  });

  it('ignores a key criterion that is met', () => {
    const criteria = synthetic(19, 6, false).map((c) => (c.code === 'C19' ? { ...c, isKey: true } : c));
    expect(assessMaintenance({ criteria }).outcome).toBe('at_risk');
  });
});

describe('assessMaintenance input checks', () => {
  it('rejects an empty list and duplicate codes', () => {
    expect(() => assessMaintenance({ criteria: [] })).toThrow(/at least one/);
    const twice = [...synthetic(2, 0, false), { code: 'C1', isKey: false, met: false }];
    expect(() => assessMaintenance({ criteria: twice })).toThrow(/duplicate/);
  });
});
