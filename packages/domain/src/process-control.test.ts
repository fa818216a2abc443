import { describe, expect, it } from 'vitest';
import { isOverdue, processControl, stepTiming } from './process-control.js';

const stages = [
  { code: 'SELF', name: 'Tự đánh giá' },
  { code: 'APPRAISAL', name: 'Thẩm định' },
  { code: 'CONFIRM', name: 'Huyện xác nhận' },
  { code: 'DECIDE', name: 'Tỉnh công nhận' },
];
const budgets = { APPRAISAL: { amount: 10, unit: 'working_days' as const }, CONFIRM: { amount: 5, unit: 'days' as const }, DECIDE: { amount: 15, unit: 'working_days' as const } };
// 2026-03-02 is a Monday; 10 working days later is Monday 2026-03-16.
const at = (iso: string) => new Date(iso);
const calendar = { holidays: [] };

describe('process-control record', () => {
  it('times each step against its budget: on time, late, no budget', () => {
    const record = processControl(
      stages,
      [
        { stage: 'SELF', at: at('2026-02-20T03:00:00Z') },
        { stage: 'APPRAISAL', at: at('2026-03-02T03:00:00Z') },
        { stage: 'CONFIRM', at: at('2026-03-16T10:00:00Z') },
        { stage: 'DECIDE', at: at('2026-03-22T03:00:00Z') },
        { stage: 'RECOGNISED', at: at('2026-03-30T03:00:00Z') },
      ],
      budgets,
      calendar,
      at('2026-04-01T00:00:00Z'),
    );
    expect(record.steps.map((s) => [s.stageCode, s.dueDate, s.status])).toEqual([
      ['SELF', null, 'no_budget'],
      ['APPRAISAL', '2026-03-16', 'on_time'],
      ['CONFIRM', '2026-03-21', 'late'],
      ['DECIDE', '2026-04-10', 'on_time'],
    ]);
    expect(record.steps[1]?.endedAt).toEqual(at('2026-03-16T10:00:00Z'));
    expect(record.steps[3]?.endedAt).toEqual(at('2026-03-30T03:00:00Z'));
    expect(record.lateSteps).toBe(1);
  });

  it('ends a step by the Vietnam calendar day: 23:30 local on the due date is still on time', () => {
    // 16:30 UTC is 23:30 in Vietnam on the same day; 17:30 UTC is already the next day there.
    const moves = (end: string) => [
      { stage: 'APPRAISAL', at: at('2026-03-02T03:00:00Z') },
      { stage: 'CONFIRM', at: at(end) },
    ];
    expect(processControl(stages, moves('2026-03-16T16:30:00Z'), budgets, calendar, at('2026-03-17T00:00:00Z')).steps[0]?.status).toBe('on_time');
    expect(processControl(stages, moves('2026-03-16T17:30:00Z'), budgets, calendar, at('2026-03-17T00:00:00Z')).steps[0]?.status).toBe('late');
  });

  it('reports the running step as in progress, then overdue once its due date has passed', () => {
    const moves = [{ stage: 'APPRAISAL', at: at('2026-03-02T03:00:00Z') }];
    expect(processControl(stages, moves, budgets, calendar, at('2026-03-16T12:00:00Z')).steps[0]?.status).toBe('in_progress');
    const overdue = processControl(stages, moves, budgets, calendar, at('2026-03-17T03:00:00Z'));
    expect(overdue.steps[0]?.status).toBe('overdue');
    expect(overdue.lateSteps).toBe(1);
  });

  it('counts holidays out of a working-day budget', () => {
    const record = processControl(stages, [{ stage: 'APPRAISAL', at: at('2026-03-02T03:00:00Z') }], budgets, { holidays: ['2026-03-03', '2026-03-04'] }, at('2026-03-02T04:00:00Z'));
    expect(record.steps[0]?.dueDate).toBe('2026-03-18');
  });

  it('makes each visit to a stage its own step (supplementation, district return)', () => {
    const record = processControl(
      stages,
      [
        { stage: 'SELF', at: at('2026-03-01T03:00:00Z') },
        { stage: 'APPRAISAL', at: at('2026-03-02T03:00:00Z') },
        { stage: 'SELF', at: at('2026-03-05T03:00:00Z') },
        { stage: 'APPRAISAL', at: at('2026-03-09T03:00:00Z') },
      ],
      budgets,
      calendar,
      at('2026-03-10T03:00:00Z'),
    );
    expect(record.steps.map((s) => `${s.stageCode}:${s.status}`)).toEqual(['SELF:no_budget', 'APPRAISAL:on_time', 'SELF:no_budget', 'APPRAISAL:in_progress']);
    expect(record.steps[3]?.dueDate).toBe('2026-03-23');
  });

  it('counts a step started at 00:30 in Hà Nội (17:30 UTC the day before) from the Vietnamese day', () => {
    const record = processControl(stages, [{ stage: 'APPRAISAL', at: at('2026-03-01T17:30:00Z') }], budgets, calendar, at('2026-03-02T03:00:00Z'));
    expect(record.steps[0]?.dueDate).toBe('2026-03-16');
  });

  it('rates a current step alone (stepTiming) exactly as the record rates its last row: overdue only once past its due date', () => {
    const entered = at('2026-03-02T03:00:00Z');
    for (const now of ['2026-03-16T16:59:00Z', '2026-03-16T17:00:00Z']) {
      const record = processControl(stages, [{ stage: 'APPRAISAL', at: entered }], budgets, calendar, at(now));
      const alone = stepTiming(entered, null, budgets.APPRAISAL, calendar, at(now));
      expect(alone).toEqual({ dueDate: record.steps[0]?.dueDate, status: record.steps[0]?.status });
    }
    // 17:00 UTC is midnight in Vietnam: the 17th, one day past the due date.
    expect(isOverdue(stepTiming(entered, null, budgets.APPRAISAL, calendar, at('2026-03-16T16:59:00Z')).status)).toBe(false);
    expect(isOverdue(stepTiming(entered, null, budgets.APPRAISAL, calendar, at('2026-03-16T17:00:00Z')).status)).toBe(true);
    expect(isOverdue(stepTiming(entered, null, null, calendar, at('2030-01-01T00:00:00Z')).status)).toBe(false);
  });
});
