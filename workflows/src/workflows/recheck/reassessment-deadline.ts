import { HistoryEvent, systemSender } from '@ntm/contracts';
import { defaultReassessmentReminderEveryDays, reassessmentSchedule, vietnamDay } from '@ntm/domain';
import { activities, type RecheckContext } from './context.js';

/** Fixes the unit's re-assessment deadline (the campaign's date) and its reminders, from the day the re-check opened. */
export function openReassessmentPeriod(ctx: RecheckContext): void {
  const every = ctx.plan.reassessment?.reminderEveryDays ?? defaultReassessmentReminderEveryDays;
  const schedule = reassessmentSchedule(vietnamDay(Date.now()), ctx.input.selfAssessmentDue, every, { holidays: ctx.plan.holidays });
  ctx.state.reassessment = schedule && { ...schedule, remindersSent: 0, escalated: false };
}

const notReassessed = (ctx: RecheckContext) => ctx.plan.criteria.filter((c) => ctx.state.reassessed[c.code] === undefined).map((c) => c.code);

/** A reminder to the unit of its re-assessment deadline, on its working day. */
export async function remindReassessment(ctx: RecheckContext, day: string): Promise<void> {
  const own = ctx.state.reassessment;
  if (own === null) return;
  own.remindersSent += 1;
  await activities.recordRecheckStep(ctx.recheckId, {
    eventId: `reassessment/reminder-${own.remindersSent}`,
    type: HistoryEvent.reassessmentReminder,
    by: systemSender,
    payload: { day, at: new Date(Date.now()).toISOString(), dueDate: own.dueDate, notReassessed: notReassessed(ctx) },
  });
}

/**
 * The deadline passed without the unit's submission: escalated to the level that decides the
 * track. The unit keeps its standing and may still submit (its re-appraisal then takes the
 * track's duration); nothing is lost silently.
 */
export async function reassessmentOverdue(ctx: RecheckContext): Promise<void> {
  const own = ctx.state.reassessment;
  if (own === null) return;
  own.escalated = true;
  await activities.recordRecheckStep(ctx.recheckId, {
    eventId: 'reassessment/escalated',
    type: HistoryEvent.reassessmentEscalated,
    by: systemSender,
    payload: { at: new Date(Date.now()).toISOString(), dueDate: own.dueDate, escalatedTo: [ctx.decidingLevel()], notReassessed: notReassessed(ctx) },
  });
}
