import { describe, expect, it } from 'vitest';
import { campaignBucketNames, campaignBuckets, recheckBucket, stepDeadline } from './campaign-view.js';

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
    // Blocked by unassigned criteria: never "overdue" for the unit, whose step has not begun.
    expect(recheckBucket({ stage: 'blocked', outcome: null }, dates, '2026-07-10')).toBe('blocked');
  });
});

describe('stepDeadline', () => {
  it('takes the earliest open task due date at appraisal, and the campaign date while none is open', () => {
    expect(stepDeadline('appraisal', dates, [])).toBe('2026-06-20');
    expect(stepDeadline('appraisal', dates, ['2026-07-20', '2026-07-14'])).toBe('2026-07-14');
    expect(stepDeadline('self_assessment', dates, ['2026-07-14'])).toBe('2026-06-05');
    expect(stepDeadline('remediation', dates)).toBeNull();
  });

  it('keeps a re-check submitted late in progress until its departments’ own due date', () => {
    expect(recheckBucket({ stage: 'appraisal', outcome: null }, dates, '2026-07-01', ['2026-07-14'])).toBe('in_progress');
    expect(recheckBucket({ stage: 'appraisal', outcome: null }, dates, '2026-07-15', ['2026-07-14'])).toBe('overdue');
  });
});

describe('campaignBucketNames', () => {
  it('names every bucket, each differently, for people', () => {
    const names = campaignBuckets.map((b) => campaignBucketNames[b]);
    expect(names.every((n) => n.trim().length > 0)).toBe(true);
    expect(new Set(names).size).toBe(campaignBuckets.length);
  });
});
