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

  describe('the other conditions of Quyết định 18/2022', () => {
    const ready = {
      ...base,
      today: '2026-03-10',
      postingStartedOn: '2026-02-20',
      postingPeriodDays: 15,
      satisfactionPercent: 92,
      satisfactionThresholdPercent: 90,
      attestations: { no_construction_debt: true, no_complex_security_situation: true },
    } satisfies SubmissionInput;
    const kinds = (input: SubmissionInput) => missingForSubmission(input).map((m) => m.kind);

    it('are met: nothing missing', () => {
      expect(missingForSubmission(ready)).toEqual([]);
    });

    it('the posting period must have elapsed, counted in days from the posting', () => {
      expect(kinds({ ...ready, today: '2026-03-06' })).toEqual(['posting_not_elapsed']);
      expect(kinds({ ...ready, today: '2026-03-07' })).toEqual([]);
      expect(missingForSubmission({ ...ready, today: '2026-03-06' })[0]?.message).toMatch(/nộp được từ ngày 2026-03-07/);
      expect(kinds({ ...ready, postingStartedOn: null })).toEqual(['posting_missing']);
      // Without a period of its own, the default 15 days: a same-day posting does not do.
      expect(kinds({ ...ready, postingPeriodDays: null, postingStartedOn: '2026-03-10' })).toEqual(['posting_not_elapsed']);
      expect(kinds({ ...ready, postingPeriodDays: null, postingStartedOn: '2026-02-23' })).toEqual([]);
    });

    it('satisfaction must be recorded and reach the threshold', () => {
      expect(kinds({ ...ready, satisfactionPercent: 89.9 })).toEqual(['satisfaction_below_threshold']);
      expect(kinds({ ...ready, satisfactionPercent: 90 })).toEqual([]);
      expect(kinds({ ...ready, satisfactionPercent: null })).toEqual(['satisfaction_missing']);
      // A province without a threshold (a dossier opened before national defaults) is held to the default 90%.
      expect(kinds({ ...ready, satisfactionPercent: 10, satisfactionThresholdPercent: null })).toEqual(['satisfaction_below_threshold']);
    });

    it('both attestations must be given', () => {
      expect(kinds({ ...ready, attestations: { no_construction_debt: true } })).toEqual(['attestation_missing']);
      expect(kinds({ ...ready, attestations: { no_construction_debt: false, no_complex_security_situation: true } })).toEqual(['attestation_missing']);
    });
  });
});
