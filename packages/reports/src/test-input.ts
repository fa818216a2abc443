import { defaultBands } from './compute.js';
import type { CriteriaSetDef, ReportInput, ResultRecord } from './model.js';
import { ReportResults } from './status.js';

/** A report's input with its results as a plain list, easy to extend in a test. */
export type SampleInput = Omit<ReportInput, 'results'> & { results: ResultRecord[] };

/** The input computeReport takes: the results indexed as of the input's date. */
export function indexed(input: SampleInput): ReportInput {
  const { commune, advanced, village, district } = input.sets;
  return { ...input, results: new ReportResults(input.asOf, [commune, advanced, village, district]).addRecords(input.results) };
}

/** A small criteria set: n criteria TC01…, the second recorded indicator by indicator (2.1, 2.2). */
export function criteriaSet(code: string, n: number, name = `Bộ ${code}`): CriteriaSetDef {
  return {
    code,
    name,
    criteria: Array.from({ length: n }, (_, i) => ({
      code: `TC${String(i + 1).padStart(2, '0')}`,
      number: i + 1,
      name: `Tiêu chí ${i + 1}`,
      indicatorCodes: i === 1 ? ['2.1', '2.2'] : [],
    })),
  };
}

/** Results meeting the first `met` criteria of a set (and not the rest) for a unit on a date. */
export function results(unitCode: string, set: CriteriaSetDef, met: number, on: string, source: ResultRecord['source'] = 'self_assessment'): ResultRecord[] {
  return set.criteria.map((c, i) => ({ unitCode, criteriaSetCode: set.code, criterionCode: c.code, indicatorCode: null, on, met: i < met, source }));
}

/**
 * Province P with districts D1 (communes C1–C3) and D2 (C4, C5), village V1 under C1, a 5-criteria
 * commune set. On 2024-03-31: C1 5/5, C2 5/5, C3 3/5, C4 1/5, C5 nothing recorded.
 */
export function sampleInput(): SampleInput {
  const commune = criteriaSet('XA', 5);
  const village = criteriaSet('THON', 3);
  const on = '2024-03-31';
  return {
    scope: { code: 'P', name: 'Tỉnh Mẫu', level: 'province' },
    asOf: '2024-06-30',
    groupLevel: 'district',
    units: [
      { code: 'D1', name: 'Huyện Một', level: 'district', parentCode: 'P' },
      { code: 'D2', name: 'Huyện Hai', level: 'district', parentCode: 'P' },
      { code: 'C1', name: 'Xã An', level: 'commune', parentCode: 'D1' },
      { code: 'C2', name: 'Xã Bình', level: 'commune', parentCode: 'D1' },
      { code: 'C3', name: 'Xã Cường', level: 'commune', parentCode: 'D1' },
      { code: 'C4', name: 'Xã Dũng', level: 'commune', parentCode: 'D2' },
      { code: 'C5', name: 'Xã Én', level: 'commune', parentCode: 'D2' },
      { code: 'V1', name: 'Bản Nà', level: 'village', parentCode: 'C1' },
      { code: 'V2', name: 'Bản Mường', level: 'village', parentCode: 'C1' },
    ],
    sets: { commune, advanced: null, village, district: null },
    results: [
      ...results('C1', commune, 5, on, 'appraisal'),
      ...results('C2', commune, 5, on),
      ...results('C3', commune, 3, on),
      ...results('C4', commune, 1, on),
      ...results('V1', village, 3, on),
      ...results('V2', village, 1, on),
    ],
    recognitions: [{ unitCode: 'C1', trackCode: 'COMMUNE_NTM', from: '2023-12-01', revokedOn: null }],
    targets: [{ unitCode: 'C3', trackCode: 'COMMUNE_NTM', targetYear: 2024 }],
    tracks: { commune: 'COMMUNE_NTM', advanced: 'COMMUNE_ADVANCED' },
    bands: defaultBands(5),
  };
}
