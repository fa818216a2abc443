import { describe, expect, it } from 'vitest';
import { AdministrativeUnit, CriteriaSet, Indicator, Recognition, Track } from './catalog.js';
import { criteriaSet, criterion, indicator, track, unit } from './test-fixtures.js';

function issuePaths(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('Indicator', () => {
  it('accepts a default with group overrides, including a group left to the province', () => {
    const parsed = Indicator.parse(
      indicator({ thresholdKind: 'percentage', thresholds: { default: 95, byGroup: { G1: 80, G2: null } } }),
    );
    expect(parsed.thresholds.byGroup).toEqual({ G1: 80, G2: null });
  });

  it('rejects a numeric threshold on a boolean indicator', () => {
    const result = Indicator.safeParse(indicator({ thresholds: { default: 1, byGroup: {} } }));
    expect(issuePaths(result)).toEqual(['thresholds.default']);
  });

  it('rejects `true` on a quantitative indicator and a percentage above 100', () => {
    const result = Indicator.safeParse(
      indicator({ thresholdKind: 'percentage', thresholds: { default: true, byGroup: { G1: 120 } } }),
    );
    expect(issuePaths(result)).toEqual(['thresholds.default', 'thresholds.byGroup.G1']);
  });
});

describe('CriteriaSet', () => {
  it('accepts a well-formed set', () => {
    expect(CriteriaSet.safeParse(criteriaSet()).success).toBe(true);
  });

  it('rejects an inverted year range', () => {
    const result = CriteriaSet.safeParse(criteriaSet({ validFromYear: 2026, validToYear: 2025 }));
    expect(issuePaths(result)).toEqual(['validToYear']);
  });

  it('rejects duplicate criterion codes and numbers', () => {
    const result = CriteriaSet.safeParse(criteriaSet({ criteria: [criterion(1), criterion(1)] }));
    expect(issuePaths(result)).toEqual(['criteria.1.code', 'criteria.1.number']);
  });

  it('rejects an override for a group the set does not declare', () => {
    const c = criterion(1, {
      indicators: [indicator({ thresholdKind: 'minimum', thresholds: { default: 5, byGroup: { G9: 3 } } })],
    });
    const result = CriteriaSet.safeParse(criteriaSet({ criteria: [c] }));
    expect(issuePaths(result)).toEqual(['criteria.0.indicators.0.thresholds.byGroup.G9']);
  });
});

describe('AdministrativeUnit', () => {
  it('rejects validTo before validFrom and an impossible date', () => {
    expect(issuePaths(AdministrativeUnit.safeParse(unit({ validTo: '2007-12-31' })))).toEqual(['validTo']);
    expect(AdministrativeUnit.safeParse(unit({ validFrom: '2025-02-29' })).success).toBe(false);
  });
});

describe('Track and Recognition', () => {
  it('allow track codes beyond the well-known ones', () => {
    expect(Track.parse(track({ code: 'COMMUNE_MODEL' })).code).toBe('COMMUNE_MODEL');
  });

  it('reject a track without stages and an unknown recognition status', () => {
    expect(Track.safeParse(track({ stages: [] })).success).toBe(false);
    expect(Recognition.safeParse({ unitCode: 'U1', trackCode: 'T', year: 2024, status: 'suspended' }).success).toBe(false);
  });
});
