import { describe, expect, it } from 'vitest';
import { assessAfterRemediation, assessmentChange, reassessmentSchedule, remediationSchedule, unassessedCriteria } from './recheck.js';

// Tết Nguyên đán 2027 (6 February) as a province might configure its days off.
const tet2027 = { holidays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'] };

describe('remediationSchedule', () => {
  it('counts the deadline and the reminders in working days, across Tết', () => {
    expect(remediationSchedule('2027-01-29', { amount: 5, unit: 'working_days', reminderEveryDays: 2 }, tet2027)).toEqual({
      dueDate: '2027-02-15',
      reminderDays: ['2027-02-02', '2027-02-04'],
    });
  });

  it('sends no reminder without a cadence, and counts plain days when the province says days', () => {
    expect(remediationSchedule('2027-01-29', { amount: 10, unit: 'days', reminderEveryDays: null }, tet2027)).toEqual({ dueDate: '2027-02-08', reminderDays: [] });
  });
});

describe('reassessmentSchedule', () => {
  it('reminds on working days before the calendar\'s deadline, skipping weekends and Tết', () => {
    expect(reassessmentSchedule('2027-01-27', '2027-02-15', 2, tet2027)).toEqual({ dueDate: '2027-02-15', reminderDays: ['2027-01-29', '2027-02-02', '2027-02-04'] });
  });

  it('has no reminder on or after the deadline, none without a cadence, and no schedule at all once the deadline has passed', () => {
    expect(reassessmentSchedule('2027-02-12', '2027-02-16', 1, tet2027)).toEqual({ dueDate: '2027-02-16', reminderDays: ['2027-02-15'] });
    expect(reassessmentSchedule('2027-01-27', '2027-02-15', null, tet2027)).toEqual({ dueDate: '2027-02-15', reminderDays: [] });
    expect(reassessmentSchedule('2027-02-15', '2027-02-15', 1, tet2027)).toEqual({ dueDate: '2027-02-15', reminderDays: [] });
    expect(reassessmentSchedule('2027-02-16', '2027-02-15', 1, tet2027)).toBeNull();
  });
});

describe('assessmentChange', () => {
  const last = { met: true, indicators: [{ indicatorCode: '1.1', met: true, value: 90 }], evidenceIds: ['a', 'b'] };
  it('tells new, unchanged and changed values apart', () => {
    expect(assessmentChange(null, last)).toBe('new');
    expect(assessmentChange(last, { ...last, evidenceIds: ['b', 'a'] })).toBe('unchanged');
    expect(assessmentChange(last, { ...last, met: false })).toBe('changed');
    expect(assessmentChange(last, { ...last, indicators: [{ indicatorCode: '1.1', met: true, value: 91 }] })).toBe('changed');
    expect(assessmentChange(last, { ...last, evidenceIds: ['a'] })).toBe('changed');
  });
});

describe('unassessedCriteria', () => {
  it('needs only the criteria with nothing to carry over', () => {
    expect(unassessedCriteria([{ code: 'C1', hasLast: true }, { code: 'C2', hasLast: false }, { code: 'C3', hasLast: false }], new Set(['C3']))).toEqual(['C2']);
  });
});

describe('assessAfterRemediation', () => {
  const criteria = (unmet: number, total = 19) => Array.from({ length: total }, (_, i) => ({ code: `C${i + 1}`, isKey: false, met: i >= unmet }));
  it('keeps a unit at risk before the deadline and proposes revocation after it', () => {
    expect(assessAfterRemediation(criteria(1), false)).toMatchObject({ outcome: 'at_risk', ground: null });
    expect(assessAfterRemediation(criteria(1), true)).toMatchObject({ outcome: 'revocation_proposed', ground: 'remediation_deadline_passed' });
    expect(assessAfterRemediation(criteria(0), true)).toMatchObject({ outcome: 'maintained' });
    expect(assessAfterRemediation(criteria(10), false)).toMatchObject({ outcome: 'revocation_proposed', ground: 'half_or_more_unmet' });
  });
});
