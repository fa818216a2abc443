import { describe, expect, it } from 'vitest';
import { compareReports } from './compare.js';
import { computeReport, defaultBands, inForce } from './compute.js';
import { criteriaSet, indexed, results, sampleInput } from './test-input.js';

describe('computeReport', () => {
  it('counts communes at standard, recognised ones, the share and the average of criteria met', () => {
    const r = computeReport(indexed(sampleInput()));
    expect(r.summary).toMatchObject({ communes: 5, atStandard: 2, recognisedAtStandard: 1, recognised: 1, sharePercent: 40, averageMet: 2.8 });
    expect(r.groups.map((g) => [g.code, g.figures.atStandard, g.figures.communes, g.figures.averageMet])).toEqual([
      ['D1', 2, 3, 4.33],
      ['D2', 0, 2, 0.5],
    ]);
  });

  it('never counts a ward or a town as a commune, whatever is recorded for it', () => {
    const input = sampleInput();
    const commune = input.sets.commune;
    const r = computeReport(indexed({
      ...input,
      units: [...input.units, { code: 'W1', name: 'Phường Một', level: 'ward', parentCode: 'D1' }, { code: 'T1', name: 'Thị trấn Một', level: 'town', parentCode: 'D2' }],
      results: [...input.results, ...results('W1', commune, 5, '2024-03-31'), ...results('T1', commune, 5, '2024-03-31')],
    }));
    expect(r.summary).toMatchObject({ communes: 5, atStandard: 2 });
    expect(r.communes.map((c) => c.code)).not.toEqual(expect.arrayContaining(['W1']));
    expect(r.groups.map((g) => g.figures.communes)).toEqual([3, 2]);
  });

  it('bands communes by criteria met, the seeds\u2019 bands cut to the set and a province\u2019s own', () => {
    expect(defaultBands(19)).toEqual([{ min: 19, max: 19 }, { min: 15, max: 18 }, { min: 10, max: 14 }, { min: 5, max: 9 }, { min: 0, max: 4 }]);
    expect(computeReport(indexed(sampleInput())).summary.bands).toEqual([
      { min: 5, max: 5, count: 2 },
      { min: 0, max: 4, count: 3 },
    ]);
    const own = computeReport(indexed({ ...sampleInput(), bands: [{ min: 5, max: 5 }, { min: 2, max: 4 }, { min: 0, max: 1 }] }));
    expect(own.summary.bands.map((b) => b.count)).toEqual([2, 1, 2]);
  });

  it('counts communes not meeting each criterion and names the unmet criteria of planned communes', () => {
    const r = computeReport(indexed(sampleInput()));
    expect(r.criteria.map((c) => c.notMet)).toEqual([1, 2, 2, 3, 3]);
    expect(r.criteria[3]).toMatchObject({ notMetPercent: 60, name: 'Tiêu chí 4' });
    expect(r.planned).toEqual([{ year: 2024, averageMet: 3, communes: [{ code: 'C3', name: 'Xã Cường', groupName: 'Huyện Một', met: 3, total: 5, unmetCriteria: ['Tiêu chí 4', 'Tiêu chí 5'] }] }]);
  });

  it('says where each status comes from: appraisal, self-assessment or nothing recorded', () => {
    const r = computeReport(indexed(sampleInput()));
    expect(r.sources).toEqual({ appraisal: 5, selfAssessment: 15, none: 5 });
    expect(r.communes.find((c) => c.code === 'C1')?.criteria[0]).toEqual({ code: 'TC01', met: true, source: 'appraisal', on: '2024-03-31' });
  });

  it('takes the latest result; an appraisal wins over a self-assessment of the same day', () => {
    const input = sampleInput();
    const set = input.sets.commune;
    input.results = [...input.results, ...results('C4', set, 5, '2024-05-01'), ...results('C4', set, 4, '2024-05-01', 'appraisal')];
    const c4 = computeReport(indexed(input)).communes.find((c) => c.code === 'C4');
    expect(c4).toMatchObject({ met: 4, atStandard: false });
    expect(c4?.criteria.every((c) => c.source === 'appraisal')).toBe(true);
  });

  it('leaves out a result recorded after the date', () => {
    const input = sampleInput();
    input.results = [...input.results, ...results('C5', input.sets.commune, 5, '2024-07-01')];
    expect(computeReport(indexed(input)).summary.atStandard).toBe(2);
    expect(computeReport(indexed({ ...input, asOf: '2024-07-01' })).summary.atStandard).toBe(3);
  });

  it('builds a criterion from its indicators: met only when every indicator is', () => {
    const input = sampleInput();
    const ind = (code: string, met: boolean, on: string) => ({ unitCode: 'C3', criteriaSetCode: 'XA', criterionCode: 'TC02', indicatorCode: code, on, met, source: 'self_assessment' as const });
    input.results = [...input.results, ind('2.1', true, '2024-04-01'), ind('2.2', false, '2024-04-01')];
    expect(computeReport(indexed(input)).communes.find((c) => c.code === 'C3')?.met).toBe(2);
    input.results = [...input.results, ind('2.2', true, '2024-05-01')];
    expect(computeReport(indexed(input)).communes.find((c) => c.code === 'C3')?.criteria[1]).toEqual({ code: 'TC02', met: true, source: 'self_assessment', on: '2024-05-01' });
  });

  it('counts a recognition from its decision until its revocation; one revoked on an unknown day never', () => {
    const r = { unitCode: 'C1', trackCode: 'T', from: '2023-01-01', revokedOn: '2024-02-01' };
    expect([inForce(r, '2022-12-31'), inForce(r, '2023-06-01'), inForce(r, '2024-02-01'), inForce(r, '2024-01-31')]).toEqual([false, true, false, true]);
    expect(inForce({ ...r, revokedOn: 'unknown' }, '2023-06-01')).toBe(false);
    const input = sampleInput();
    input.recognitions = [{ unitCode: 'C1', trackCode: 'COMMUNE_NTM', from: '2023-12-01', revokedOn: '2024-06-01' }];
    expect(computeReport(indexed(input)).summary.recognised).toBe(0);
    expect(computeReport(indexed({ ...input, asOf: '2024-05-31' })).summary.recognised).toBe(1);
  });

  it('counts villages at standard and averages the others', () => {
    expect(computeReport(indexed(sampleInput())).villages).toEqual({ criteriaCount: 3, villages: 2, atStandard: 1, averageMetOfOthers: 1 });
  });

  it('lists advanced communes with their met criteria named, and a district\u2019s status on the district set', () => {
    const input = sampleInput();
    const advanced = criteriaSet('NC', 4);
    const district = { code: 'HUYEN', name: 'Bộ huyện', criteria: [{ code: 'H1', number: 1, name: 'Quy hoạch', indicatorCodes: ['1.1', '1.2'] }, { code: 'H2', number: 2, name: 'Giao thông', indicatorCodes: ['2.1', '2.2', '2.3'] }] };
    input.sets = { ...input.sets, advanced, district };
    input.results = [
      ...input.results,
      ...results('C2', advanced, 2, '2024-01-10'),
      { unitCode: 'D1', criteriaSetCode: 'HUYEN', criterionCode: 'H1', indicatorCode: null, on: '2024-01-10', met: true, source: 'appraisal' },
      { unitCode: 'D1', criteriaSetCode: 'HUYEN', criterionCode: 'H2', indicatorCode: '2.1', on: '2024-01-10', met: true, source: 'appraisal' },
    ];
    const r = computeReport(indexed(input));
    expect(r.advanced?.communes).toEqual([{ code: 'C2', name: 'Xã Bình', groupName: 'Huyện Một', met: 2, total: 4, metCriteria: ['Tiêu chí 1', 'Tiêu chí 2'] }]);
    expect(r.groups[0]?.districtCriteria).toEqual({ met: 1, total: 2, indicatorsMet: 3, indicatorsTotal: 5, metCriteria: ['Quy hoạch'], unmetCriteria: ['Giao thông'] });
    expect(r.groups[1]?.districtCriteria).toBeNull();
  });
});

describe('compareReports', () => {
  it('gives the changes since the earlier date', () => {
    const input = sampleInput();
    input.results = [...input.results, ...results('C3', input.sets.commune, 5, '2024-09-30', 'appraisal')];
    const change = compareReports(computeReport(indexed({ ...input, asOf: '2024-12-31' })), computeReport(indexed(input)));
    expect(change).toMatchObject({ since: '2024-06-30', atStandard: 1, recognised: 0, averageMet: 0.4, sharePercent: 20 });
    expect(change.bands).toEqual([{ min: 5, max: 5, change: 1 }, { min: 0, max: 4, change: -1 }]);
    expect(change.groups[0]).toEqual({ code: 'D1', name: 'Huyện Một', atStandard: 1, averageMet: 0.67 });
    expect(change.reachedStandard).toEqual([{ code: 'C3', name: 'Xã Cường' }]);
    expect(change.lostStandard).toEqual([]);
  });
});
