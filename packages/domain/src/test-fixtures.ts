import type { AdministrativeUnit, CriteriaSet, Criterion, Indicator, Track } from './catalog.js';

/** Small catalogs for tests; the values are invented and are not the official sets. */

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: 'I.1',
    name: 'Chỉ tiêu thử nghiệm',
    thresholdKind: 'boolean',
    thresholds: { default: true, byGroup: {} },
    ...overrides,
  };
}

export function criterion(number: number, overrides: Partial<Criterion> = {}): Criterion {
  return {
    number,
    code: `C${number}`,
    name: `Tiêu chí thử nghiệm ${number}`,
    isKey: false,
    indicators: [indicator({ code: `${number}.1` })],
    ...overrides,
  };
}

export function criteriaSet(overrides: Partial<CriteriaSet> = {}): CriteriaSet {
  return {
    code: 'SET-A',
    name: 'Bộ tiêu chí thử nghiệm',
    legalBasis: 'Văn bản thử nghiệm',
    validFromYear: 2021,
    validToYear: 2025,
    unitLevel: 'commune',
    groups: [
      { code: 'G1', name: 'Nhóm 1' },
      { code: 'G2', name: 'Nhóm 2' },
    ],
    criteria: [criterion(1), criterion(2)],
    ...overrides,
  };
}

export function track(overrides: Partial<Track> = {}): Track {
  return {
    code: 'TRACK-A',
    name: 'Xã đạt chuẩn thử nghiệm',
    unitLevel: 'commune',
    criteriaSetCodes: ['SET-A'],
    prerequisites: [],
    requiredDocuments: [{ code: 'TO_TRINH', name: 'Tờ trình' }],
    stages: [{ code: 'SELF', name: 'Tự đánh giá', decidingLevel: 'commune' }],
    ...overrides,
  };
}

export function unit(overrides: Partial<AdministrativeUnit> = {}): AdministrativeUnit {
  return {
    code: 'U1',
    name: 'Xã Thử Nghiệm',
    level: 'commune',
    parentCode: 'D1',
    validFrom: '2008-01-01',
    validTo: null,
    groupings: { 'SET-A': 'G1' },
    ...overrides,
  };
}
