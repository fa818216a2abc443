import { describe, expect, it } from 'vitest';
import { criteriaSetInForce, requiredCriteria, thresholdFor, unitGroup } from './criteria-set.js';
import { criteriaSet, criterion, indicator, track, unit } from './test-fixtures.js';

const set2021 = criteriaSet({ code: 'SET-2021', validFromYear: 2021, validToYear: 2025 });
const set2026 = criteriaSet({ code: 'SET-2026', validFromYear: 2026, validToYear: 2030 });
const twoVersions = track({ criteriaSetCodes: ['SET-2021', 'SET-2026'] });

describe('criteriaSetInForce', () => {
  it.each([
    [2021, 'SET-2021'],
    [2025, 'SET-2021'],
    [2026, 'SET-2026'],
    [2030, 'SET-2026'],
  ])('picks the version in force for %i', (year, expected) => {
    const result = criteriaSetInForce(twoVersions, [set2021, set2026], year);
    expect(result.kind === 'found' && result.set.code).toBe(expected);
  });

  it('finds none outside every range', () => {
    const result = criteriaSetInForce(twoVersions, [set2021, set2026], 2031);
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && result.message).toContain('năm 2031');
  });

  it('ignores a set in force that the track does not list', () => {
    const result = criteriaSetInForce(track({ criteriaSetCodes: ['SET-2026'] }), [set2021, set2026], 2024);
    expect(result.kind).toBe('none');
  });

  it('reports overlapping versions as ambiguous', () => {
    const overlap = criteriaSet({ code: 'SET-2025B', validFromYear: 2025, validToYear: 2026 });
    const result = criteriaSetInForce(track({ criteriaSetCodes: ['SET-2021', 'SET-2025B'] }), [set2021, overlap], 2025);
    expect(result.kind === 'ambiguous' && result.setCodes).toEqual(['SET-2021', 'SET-2025B']);
  });

  it('does not count the same set passed twice as ambiguous', () => {
    expect(criteriaSetInForce(twoVersions, [set2021, set2021], 2023).kind).toBe('found');
  });
});

describe('requiredCriteria', () => {
  it('returns every criterion in numbering order', () => {
    const set = criteriaSet({ criteria: [criterion(3), criterion(1), criterion(2)] });
    expect(requiredCriteria(set).map((c) => c.number)).toEqual([1, 2, 3]);
  });
});

describe('unitGroup', () => {
  it('reads the unit group for the set, or undefined', () => {
    const u = unit({ groupings: { 'SET-2021': 'G2' } });
    expect(unitGroup(u, set2021)).toBe('G2');
    expect(unitGroup(u, set2026)).toBeUndefined();
  });
});

describe('thresholdFor', () => {
  const withOverrides = indicator({
    thresholdKind: 'minimum',
    thresholds: { default: 5, byGroup: { G1: 3, G2: null } },
  });

  it('uses the group override', () => {
    expect(thresholdFor(withOverrides, 'G1')).toEqual({ kind: 'threshold', value: 3, source: 'group' });
  });

  it('falls back to the common threshold for a group without override, or no group', () => {
    expect(thresholdFor(withOverrides, 'G3')).toEqual({ kind: 'threshold', value: 5, source: 'default' });
    expect(thresholdFor(withOverrides, undefined)).toEqual({ kind: 'threshold', value: 5, source: 'default' });
  });

  it('keeps a null group override unset instead of using the common threshold', () => {
    expect(thresholdFor(withOverrides, 'G2')).toEqual({ kind: 'unset' });
  });

  it('is unset when neither the group nor the common threshold is known', () => {
    const provinceSets = indicator({ thresholdKind: 'percentage', thresholds: { default: null, byGroup: {} } });
    expect(thresholdFor(provinceSets, 'G1')).toEqual({ kind: 'unset' });
  });

  it('does not mistake inherited object keys for groups', () => {
    expect(thresholdFor(withOverrides, 'constructor')).toEqual({ kind: 'threshold', value: 5, source: 'default' });
  });
});
