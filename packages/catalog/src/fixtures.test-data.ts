import { catalogFormat, type CatalogFileInput } from '@ntm/contracts';

// Small catalogs for tests. Names are test data, not the official texts.

// Test province P1's place names and decision wording, shared by the province and village files
// (a file's province entry replaces the stored one whole).
const province = { code: 'P1', name: 'Tỉnh Thử', hasDistrictStage: true, placeNames: { P1: 'Thử', 'P1-D1': 'Một' } };
const decisionForm = (trackCode: string, proposedBy: string, executors: string[]) => ({
  trackCode,
  issuingBody: 'Ủy ban nhân dân',
  headTitle: 'Chủ tịch',
  deputyTitle: 'Phó Chủ tịch',
  recognition: 'đạt chuẩn (thử)',
  legalBases: ['Luật thử ngày 01 tháng 01 năm 2020'],
  proposedBy,
  executors,
  recipients: ['Như Điều 3', 'Lưu: VT'],
});

const indicator = (code: string) => ({ code, name: `Chỉ tiêu ${code}`, thresholdKind: 'boolean' as const, thresholds: { default: true as const } });

export function nationalFixture(): CatalogFileInput {
  return {
    format: catalogFormat,
    criteriaSets: [
      {
        code: 'SET-A',
        name: 'Bộ tiêu chí thử A',
        legalBasis: 'Văn bản thử',
        unitLevel: 'commune',
        validFromYear: 2021,
        validToYear: 2025,
        groups: [{ code: 'R1', name: 'Vùng 1' }, { code: 'R2', name: 'Vùng 2' }],
        criteria: [
          { number: 1, code: 'C1', name: 'Quy hoạch', indicators: [indicator('1.1'), indicator('1.2')] },
          { number: 2, code: 'C2', name: 'Giao thông', indicators: [indicator('2.1')] },
          { number: 3, code: 'C3', name: 'Thu nhập', isKey: true, indicators: [{ ...indicator('3.1'), thresholdKind: 'minimum', thresholds: { default: null, byGroup: { R1: 40, R2: 50 } } }] },
        ],
      },
    ],
    tracks: [
      {
        code: 'T-NTM',
        name: 'Xã đạt chuẩn (thử)',
        unitLevel: 'commune',
        criteriaSetCodes: ['SET-A'],
        requiredDocuments: [{ code: 'TO_TRINH', name: 'Tờ trình đề nghị' }],
        stages: [
          { code: 'SELF', name: 'Tự đánh giá', kind: 'self_assessment', decidingLevel: 'commune' },
          { code: 'APPRAISAL', name: 'Thẩm định', kind: 'appraisal', decidingLevel: 'province' },
          { code: 'DISTRICT', name: 'Huyện xác nhận', kind: 'confirmation', decidingLevel: 'district' },
          { code: 'DECISION', name: 'Tỉnh công nhận', kind: 'decision', decidingLevel: 'province' },
        ],
      },
    ],
  };
}

export function provinceFixture(): CatalogFileInput & { units: NonNullable<CatalogFileInput['units']> } {
  const from = '2020-01-01';
  return {
    format: catalogFormat,
    province,
    units: [
      { code: 'P1', name: 'Tỉnh Thử', level: 'province', parentCode: null, validFrom: from },
      { code: 'P1-D1', name: 'Huyện Một', level: 'district', parentCode: 'P1', validFrom: from },
      { code: 'P1-D1-C1', name: 'Xã Sơn Bình', level: 'commune', parentCode: 'P1-D1', validFrom: from, groupings: { 'SET-A': 'R1' } },
      { code: 'P1-D1-C2', name: 'Xã Giang Ma', level: 'commune', parentCode: 'P1-D1', validFrom: from, groupings: { 'SET-A': 'R2' } },
    ],
    departments: [
      { code: 'SXD', name: 'Sở Xây dựng', level: 'province' },
      { code: 'SGT', name: 'Sở Giao thông vận tải', level: 'province' },
    ],
    assignments: [
      { criteriaSetCode: 'SET-A', criterionCode: 'C1', departmentCode: 'SXD' },
      { criteriaSetCode: 'SET-A', criterionCode: 'C2', departmentCode: 'SGT' },
      { criteriaSetCode: 'SET-A', criterionCode: 'C3', departmentCode: 'SXD' },
      { criteriaSetCode: 'SET-A', criterionCode: 'C3', departmentCode: 'SGT' },
    ],
    durations: [{ trackCode: 'T-NTM', stageCode: 'APPRAISAL', amount: 20, unit: 'working_days', reminderEveryDays: 5, isDefault: true }],
    holidays: [{ date: '2026-02-17', name: 'Tết Nguyên đán' }],
    decisionForms: [decisionForm('T-NTM', 'Ủy ban nhân dân {district}', ['Chánh Văn phòng Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân {commune}'])],
  };
}

/** Province P1's own village set, a village, a district office and a village track decided by the district. */
export function villageFixture(): CatalogFileInput {
  return {
    format: catalogFormat,
    province,
    criteriaSets: [
      {
        code: 'P1-THON',
        name: 'Bộ tiêu chí thôn, bản của tỉnh thử',
        legalBasis: 'Quyết định thử của tỉnh',
        unitLevel: 'village',
        validFromYear: 2021,
        validToYear: 2025,
        ownerProvinceCode: 'P1',
        isSample: true,
        criteria: [
          { number: 1, code: 'V1', name: 'Đường thôn', indicators: [indicator('V1.1')] },
          { number: 2, code: 'V2', name: 'Nhà văn hóa thôn', indicators: [indicator('V2.1')] },
        ],
      },
    ],
    tracks: [
      {
        code: 'T-THON',
        name: 'Thôn, bản đạt chuẩn (thử)',
        unitLevel: 'village',
        criteriaSetCodes: [],
        requiredDocuments: [],
        stages: [
          { code: 'SELF', name: 'Thôn tự đánh giá, xã thẩm tra', kind: 'self_assessment', decidingLevel: 'commune' },
          { code: 'APPRAISAL', name: 'Phòng chuyên môn huyện thẩm định', kind: 'appraisal', decidingLevel: 'district' },
          { code: 'DECISION', name: 'Huyện công nhận', kind: 'decision', decidingLevel: 'district' },
        ],
      },
    ],
    units: [{ code: 'P1-D1-C1-B1', name: 'Bản Nà Khum', level: 'village', parentCode: 'P1-D1-C1', validFrom: '2020-01-01' }],
    departments: [{ code: 'PKT', name: 'Phòng Kinh tế và Hạ tầng huyện Một', level: 'district', districtCode: 'P1-D1' }],
    assignments: [
      { criteriaSetCode: 'P1-THON', criterionCode: 'V1', departmentCode: 'PKT' },
      { criteriaSetCode: 'P1-THON', criterionCode: 'V2', departmentCode: 'PKT' },
    ],
    decisionForms: [decisionForm('T-THON', 'Ủy ban nhân dân {commune}', ['Chủ tịch Ủy ban nhân dân {commune}', 'Trưởng {village}'])],
  };
}
