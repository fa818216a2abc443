import { describe, expect, it } from 'vitest';
import { currentRoundTasks, matchesCampaignFilter, overdueDepartments, unmetCriterionCodes, type RecheckTaskFacts } from './campaign-filters.js';

const task = (departmentCode: string, dueDate: string, open = true, round = 1): RecheckTaskFacts => ({ round, departmentCode, dueDate, open });

describe('the department filter', () => {
  const remediated = { tasks: [task('SXD', '2026-06-20', false), task('SGT', '2026-06-20', false), task('SGT', '2026-09-01', true, 2)], criteria: [] };

  it('takes the tasks of the latest round only', () => {
    expect(currentRoundTasks(remediated.tasks).map((t) => t.departmentCode)).toEqual(['SGT']);
    expect(currentRoundTasks([])).toEqual([]);
  });

  it('selects a re-check a department has a task on in the current round, open or done', () => {
    expect(matchesCampaignFilter(remediated, { department: 'SGT' })).toBe(true);
    expect(matchesCampaignFilter(remediated, { department: 'SXD' })).toBe(false);
    expect(matchesCampaignFilter({ tasks: [task('SXD', '2026-06-20', false)], criteria: [] }, { department: 'SXD' })).toBe(true);
  });

  it('selects no re-check before its first appraisal, and every re-check without a filter', () => {
    expect(matchesCampaignFilter({ tasks: [], criteria: [] }, { department: 'SXD' })).toBe(false);
    expect(matchesCampaignFilter({ tasks: [], criteria: [] }, {})).toBe(true);
  });
});

describe('the criterion filter', () => {
  it('holds a criterion unmet when the departments said so, or, not yet judged, when the unit did', () => {
    const criteria = [
      { code: 'C1', met: true, result: 'not_met' },
      { code: 'C2', met: false, result: null },
      { code: 'C3', met: false, result: 'met' },
      { code: 'C4', met: true, result: null },
      { code: 'C5', met: null, result: null },
    ];
    expect(unmetCriterionCodes(criteria)).toEqual(['C1', 'C2']);
    expect(matchesCampaignFilter({ tasks: [], criteria }, { criterion: 'C1' })).toBe(true);
    expect(matchesCampaignFilter({ tasks: [], criteria }, { criterion: 'C3' })).toBe(false);
    expect(matchesCampaignFilter({ tasks: [], criteria }, { criterion: 'C9' })).toBe(false);
  });

  it('combines with the department filter: both must hold', () => {
    const r = { tasks: [task('SXD', '2026-06-20')], criteria: [{ code: 'C1', met: false, result: null }] };
    expect(matchesCampaignFilter(r, { department: 'SXD', criterion: 'C1' })).toBe(true);
    expect(matchesCampaignFilter(r, { department: 'SGT', criterion: 'C1' })).toBe(false);
  });
});

describe('the overdue departments', () => {
  const today = '2026-06-25';

  it('counts open tasks from the day after their due date, never done ones', () => {
    expect(overdueDepartments([task('SXD', '2026-06-25'), task('SGT', '2026-06-24', false)], today)).toEqual([]);
    expect(overdueDepartments([task('SXD', '2026-06-24')], today)).toEqual([{ departmentCode: 'SXD', overdueCount: 1, earliestDueDate: '2026-06-24' }]);
  });

  it('puts the most overdue tasks first, then the earliest due date, then the code', () => {
    const tasks = [task('SGT', '2026-06-20'), task('SXD', '2026-06-10'), task('STN', '2026-06-20'), task('SGT', '2026-06-22'), task('SYT', '2026-06-15'), task('SNN', '2026-06-15')];
    expect(overdueDepartments(tasks, today).map((d) => [d.departmentCode, d.overdueCount, d.earliestDueDate])).toEqual([
      ['SGT', 2, '2026-06-20'],
      ['SXD', 1, '2026-06-10'],
      ['SNN', 1, '2026-06-15'],
      ['SYT', 1, '2026-06-15'],
      ['STN', 1, '2026-06-20'],
    ]);
  });

  it('keeps only the filtered department', () => {
    expect(overdueDepartments([task('SGT', '2026-06-20'), task('SXD', '2026-06-10')], today, 'SXD').map((d) => d.departmentCode)).toEqual(['SXD']);
  });
});
