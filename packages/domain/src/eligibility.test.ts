import { describe, expect, it } from 'vitest';
import type { Recognition } from './catalog.js';
import { type EligibilityInput, checkEligibility } from './eligibility.js';
import { track, unit } from './test-fixtures.js';

const base = track({ code: 'BASE', name: 'Xã đạt chuẩn' });
const advanced = track({ code: 'ADV', name: 'Xã đạt chuẩn nâng cao', prerequisites: ['BASE'] });
const commune = unit({ code: 'X1', name: 'Xã Sơn Bình', validFrom: '2008-01-01', validTo: null });

const recognition = (overrides: Partial<Recognition> = {}): Recognition => ({
  unitCode: 'X1',
  trackCode: 'BASE',
  year: 2022,
  status: 'active',
  ...overrides,
});

function reasonsOf(input: Partial<EligibilityInput>) {
  const result = checkEligibility({ unit: commune, track: base, recognitions: [], asOf: '2025-05-01', ...input });
  return result.eligible ? [] : result.reasons;
}
const codesOf = (input: Partial<EligibilityInput>) => reasonsOf(input).map((r) => r.code);

describe('checkEligibility', () => {
  it('accepts a valid commune without recognition or open dossier', () => {
    expect(checkEligibility({ unit: commune, track: base, recognitions: [], asOf: '2025-05-01' })).toEqual({
      eligible: true,
    });
  });

  it('rejects a unit of another level than the track', () => {
    const village = unit({ code: 'T1', name: 'Thôn Nà Tăm', level: 'village' });
    expect(reasonsOf({ unit: village })).toEqual([
      { code: 'unit_level_mismatch', message: '"Xã đạt chuẩn" dành cho cấp xã; Thôn Nà Tăm là đơn vị cấp thôn, bản.' },
    ]);
  });

  it('rejects a unit created after asOf, and accepts it on its first day', () => {
    const merged = unit({ code: 'X1', name: 'Xã Sơn Bình', validFrom: '2025-07-01' });
    expect(reasonsOf({ unit: merged, asOf: '2025-06-30' })).toEqual([
      { code: 'unit_not_yet_established', message: 'Xã Sơn Bình chỉ có hiệu lực từ ngày 01/07/2025.' },
    ]);
    expect(codesOf({ unit: merged, asOf: '2025-07-01' })).toEqual([]);
  });

  it('rejects a unit abolished or merged before asOf, and accepts it on its last day', () => {
    const abolished = unit({ code: 'X1', name: 'Xã Sơn Bình', validTo: '2025-06-30' });
    expect(reasonsOf({ unit: abolished, asOf: '2025-07-01' })).toEqual([
      {
        code: 'unit_no_longer_exists',
        message: 'Xã Sơn Bình đã hết hiệu lực sau ngày 30/06/2025 (giải thể hoặc sáp nhập).',
      },
    ]);
    expect(codesOf({ unit: abolished, asOf: '2025-06-30' })).toEqual([]);
  });

  it('requires an active recognition for each prerequisite track, named from the catalog', () => {
    expect(reasonsOf({ track: advanced, tracks: [base, advanced] })).toEqual([
      { code: 'prerequisite_missing', message: 'Xã Sơn Bình chưa có quyết định công nhận "Xã đạt chuẩn" còn hiệu lực.' },
    ]);
  });

  it('names a prerequisite by its code when the track list is not given', () => {
    expect(reasonsOf({ track: advanced })[0]?.message).toContain('"BASE"');
  });

  it('does not accept a revoked recognition, or another unit\'s, as the prerequisite', () => {
    const recognitions = [recognition({ status: 'revoked' }), recognition({ unitCode: 'X2' })];
    expect(codesOf({ track: advanced, recognitions })).toEqual(['prerequisite_missing']);
  });

  it('accepts the advanced track once the prerequisite is held', () => {
    expect(codesOf({ track: advanced, recognitions: [recognition()] })).toEqual([]);
  });

  it('rejects a unit already holding an active recognition for the track', () => {
    expect(reasonsOf({ recognitions: [recognition({ year: 2022 })] })).toEqual([
      {
        code: 'already_recognised',
        message: 'Xã Sơn Bình đã được công nhận "Xã đạt chuẩn" năm 2022 và quyết định còn hiệu lực.',
      },
    ]);
  });

  it('lets a unit whose recognition was revoked apply again', () => {
    expect(codesOf({ recognitions: [recognition({ status: 'revoked' })] })).toEqual([]);
  });

  it('rejects a second dossier while one is open for the same unit and track', () => {
    const openDossiers = [
      { unitCode: 'X1', trackCode: 'BASE', trackingCode: 'HS-2025-0001' },
      { unitCode: 'X1', trackCode: 'ADV' },
    ];
    expect(reasonsOf({ openDossiers })).toEqual([
      {
        code: 'dossier_already_open',
        message: 'Xã Sơn Bình đã có hồ sơ "Xã đạt chuẩn" đang được xử lý (mã hồ sơ HS-2025-0001).',
      },
    ]);
    expect(codesOf({ openDossiers: [{ unitCode: 'X2', trackCode: 'BASE' }] })).toEqual([]);
  });

  it('reports every failing rule at once', () => {
    const village = unit({ code: 'X1', level: 'village', validTo: '2020-12-31' });
    const openDossiers = [{ unitCode: 'X1', trackCode: 'ADV' }];
    expect(codesOf({ unit: village, track: advanced, openDossiers })).toEqual([
      'unit_level_mismatch',
      'unit_no_longer_exists',
      'prerequisite_missing',
      'dossier_already_open',
    ]);
  });

  it('rejects an invalid asOf date', () => {
    expect(() => checkEligibility({ unit: commune, track: base, recognitions: [], asOf: '2025-02-30' })).toThrow(RangeError);
  });
});
