import { describe, expect, it } from 'vitest';
import { decisionDocument, issuingUnitCode, signerProblem, type DecisionSetting } from './decision-content.js';

describe('issuingUnitCode', () => {
  it('is the district for a track decided at district level', () => {
    expect(issuingUnitCode({ decidingLevel: 'district', provinceCode: 'P1', districtCode: 'P1-D1' })).toBe('P1-D1');
  });

  it('is the province for a track decided by the province', () => {
    expect(issuingUnitCode({ decidingLevel: 'province', provinceCode: 'P1', districtCode: 'P1-D1' })).toBe('P1');
  });

  it('falls back to the province where the unit has no district (two-tier chain)', () => {
    expect(issuingUnitCode({ decidingLevel: 'district', provinceCode: 'P1', districtCode: null })).toBe('P1');
  });
});

const setting: DecisionSetting = {
  form: {
    issuingBody: 'Ủy ban nhân dân',
    headTitle: 'Chủ tịch',
    deputyTitle: 'Phó Chủ tịch',
    recognition: 'đạt chuẩn nông thôn mới',
    legalBases: ['Luật thử'],
    proposedBy: 'Ủy ban nhân dân {district}',
    executors: ['Chủ tịch Ủy ban nhân dân {commune}'],
    recipients: ['Như Điều 3', 'Ủy ban nhân dân {district}'],
  },
  issuer: { body: 'Ủy ban nhân dân', unitName: 'Tỉnh Thử', place: 'Thử' },
  unitNames: ['Xã Sơn Bình', 'Huyện Một'],
  namesByLevel: { province: 'Tỉnh Thử', district: 'Huyện Một', commune: 'Xã Sơn Bình' },
  criteriaSetBasis: 'Quyết định của bộ tiêu chí',
};
const decision = { number: '1/QĐ-UBND', date: '2026-12-05', effectiveDate: '2026-12-05', signer: 'Người ký', year: 2025, submissionNumber: '45/TTr-UBND', submissionDate: '2026-11-20', verifyUrl: 'http://x/public/decisions/1' };

describe('decisionDocument', () => {
  it('names the dossier’s units in the form’s texts and cites the criteria set after the form’s bases', () => {
    const doc = decisionDocument(setting, { ...decision, signerTitle: 'Phó Chủ tịch' });
    expect(doc.legalBases).toEqual(['Luật thử', 'Quyết định của bộ tiêu chí']);
    expect(doc.proposal).toEqual({ by: 'Ủy ban nhân dân huyện Một', number: '45/TTr-UBND', date: '2026-11-20' });
    expect(doc.executors).toEqual(['Chủ tịch Ủy ban nhân dân xã Sơn Bình']);
    expect(doc.recipients).toEqual(['Như Điều 3', 'Ủy ban nhân dân huyện Một']);
    expect(doc.signing).toEqual(['KT. Chủ tịch', 'Phó Chủ tịch']);
  });

  it('cites no submission where the form names no proposer', () => {
    expect(decisionDocument({ ...setting, form: { ...setting.form, proposedBy: null } }, { ...decision, signerTitle: 'Chủ tịch' }).proposal).toBeNull();
  });
});

describe('signerProblem', () => {
  it('refuses a title the form does not let sign, naming the titles that may', () => {
    expect(signerProblem(setting, 'Chủ tịch')).toBeNull();
    expect(signerProblem(setting, 'KT. Chủ tịch')).toContain('"Chủ tịch" hoặc "Phó Chủ tịch"');
  });
});
