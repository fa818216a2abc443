import { describe, expect, it } from 'vitest';
import { CatalogFile, catalogFormat } from '@ntm/contracts';
import type { References } from './references.js';
import { validateReferences } from './validate.js';

const refs: References = {
  units: new Map([
    ['P1', { level: 'province', parentCode: null }],
    ['P1-D1', { level: 'district', parentCode: 'P1' }],
    ['P1-D1-C1', { level: 'commune', parentCode: 'P1-D1' }],
  ]),
  sets: new Map(),
  tracks: new Map([['T-NTM', new Set(['DECISION'])]]),
  departments: new Set(),
};
const form = { trackCode: 'T-NTM', issuingBody: 'Ủy ban nhân dân', headTitle: 'Chủ tịch', deputyTitle: 'Phó Chủ tịch', recognition: 'đạt chuẩn', legalBases: [], executors: ['Chủ tịch Ủy ban nhân dân {commune}'], recipients: ['Lưu: VT'] };
const file = (extra: object) => CatalogFile.parse({ format: catalogFormat, province: { code: 'P1', name: 'Tỉnh Thử', hasDistrictStage: true }, ...extra });

describe('validateReferences: decision forms and place names', () => {
  it('accepts a form for a known track whose texts name unit levels, and place names of the province and its districts', () => {
    expect(validateReferences(file({ province: { code: 'P1', name: 'Tỉnh Thử', hasDistrictStage: true, placeNames: { P1: 'Thử', 'P1-D1': 'Một' } }, decisionForms: [form] }), refs)).toEqual([]);
  });

  it('names an unknown track, a placeholder that is no unit level and a place name for a commune', () => {
    const errors = validateReferences(
      file({
        province: { code: 'P1', name: 'Tỉnh Thử', hasDistrictStage: true, placeNames: { 'P1-D1-C1': 'Sơn Bình' } },
        decisionForms: [{ ...form, trackCode: 'T-X', proposedBy: 'Ủy ban nhân dân {huyen}' }],
      }),
      refs,
    );
    expect(errors.map((e) => e.location)).toEqual(['body.province.placeNames.P1-D1-C1', 'body.decisionForms.0.trackCode', 'body.decisionForms.0.proposedBy']);
  });
});
