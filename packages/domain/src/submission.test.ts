import { describe, expect, it } from 'vitest';
import { missingForSubmission, type SubmissionInput } from './submission.js';

const base: SubmissionInput = {
  requiredCriteria: [
    { code: 'TC02', number: 2, name: 'Giao thông' },
    { code: 'TC01', number: 1, name: 'Quy hoạch' },
  ],
  requiredDocuments: [{ code: 'TO_TRINH', name: 'Tờ trình' }],
  selfAssessed: { TC01: true, TC02: true },
  documents: { TO_TRINH: 'e1' },
};

describe('missingForSubmission', () => {
  it('is empty when every criterion is met and every document attached', () => {
    expect(missingForSubmission(base)).toEqual([]);
  });

  it('lists a criterion not yet assessed, one assessed as not met, and a missing document, in catalog order', () => {
    const missing = missingForSubmission({ ...base, selfAssessed: { TC02: false }, documents: {} });
    expect(missing.map((m) => [m.kind, m.code])).toEqual([
      ['criterion_not_assessed', 'TC01'],
      ['criterion_not_met', 'TC02'],
      ['document_missing', 'TO_TRINH'],
    ]);
    expect(missing[0]?.message).toBe('Tiêu chí 1 (Quy hoạch) chưa được tự đánh giá.');
  });

  it('ignores assessments of criteria the dossier does not require', () => {
    expect(missingForSubmission({ ...base, selfAssessed: { ...base.selfAssessed, TC99: false } })).toEqual([]);
  });
});
