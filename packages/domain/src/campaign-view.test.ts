import { describe, expect, it } from 'vitest';
import { recheckBucket } from './campaign-view.js';

const dates = { selfAssessmentDue: '2026-06-05', appraisalDue: '2026-06-20' };

describe('recheckBucket', () => {
  it('counts finished re-checks by outcome and a proposal by its stage', () => {
    expect(recheckBucket({ stage: 'closed', outcome: 'maintained' }, dates, '2026-07-01')).toBe('maintained');
    expect(recheckBucket({ stage: 'closed', outcome: 'revoked' }, dates, '2026-07-01')).toBe('revoked');
    expect(recheckBucket({ stage: 'remediation', outcome: 'at_risk' }, dates, '2026-07-01')).toBe('at_risk');
    expect(recheckBucket({ stage: 'revocation_proposed', outcome: null }, dates, '2026-07-01')).toBe('revocation_proposed');
  });

  it('says overdue only the day after the deadline of the step the re-check is at', () => {
    expect(recheckBucket({ stage: 'self_assessment', outcome: null }, dates, '2026-06-05')).toBe('in_progress');
    expect(recheckBucket({ stage: 'self_assessment', outcome: null }, dates, '2026-06-06')).toBe('overdue');
    expect(recheckBucket({ stage: 'appraisal', outcome: null }, dates, '2026-06-10')).toBe('in_progress');
    expect(recheckBucket({ stage: 'pending', outcome: null }, dates, '2026-06-10')).toBe('pending');
  });
});
