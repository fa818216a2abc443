import { condition } from '@temporalio/workflow';
import { RecheckStage, endOfVietnamDay, startOfVietnamDay } from '@ntm/domain';
import { fireTaskAlarm, taskAlarms } from '../appraisal/tasks.js';
import { activities, type RecheckContext } from './context.js';
import { reassessmentOverdue, remindReassessment } from './reassessment-deadline.js';
import { remediationDeadlinePassed, remindRemediation } from './remediation.js';

type Alarm = { at: number; fire: () => Promise<void> };

/** The next alarm: the unit's re-assessment reminder or deadline, an open re-appraisal task's reminder or escalation, or the remediation period's reminder or deadline. */
function nextAlarm(ctx: RecheckContext): Alarm | undefined {
  const { state } = ctx;
  const alarms: Alarm[] = [];
  if (state.stage === RecheckStage.appraisal) {
    for (const alarm of taskAlarms(state.tasks, state.round, ctx.plan.appraisal.reminderEveryDays)) {
      alarms.push({
        at: alarm.at,
        fire: async () => {
          // Escalated to the level that decides the track (the province; the district for a village).
          const event = fireTaskAlarm(alarm, [ctx.decidingLevel()]);
          await activities.recordRecheckStep(ctx.recheckId, { eventId: event.eventId, type: event.type, by: { actor: 'system', role: null, requestId: null }, payload: event.payload });
        },
      });
    }
  }
  const own = state.reassessment;
  // The unit's own first re-assessment; a later return for supplementation has no calendar deadline.
  if (own !== null && !own.escalated && state.stage === RecheckStage.selfAssessment && state.round === 0) {
    const day = own.reminderDays[own.remindersSent];
    if (day !== undefined) alarms.push({ at: startOfVietnamDay(day), fire: () => remindReassessment(ctx, day) });
    alarms.push({ at: endOfVietnamDay(own.dueDate) + 1, fire: () => reassessmentOverdue(ctx) });
  }
  const period = state.remediation;
  if (period !== null && !period.deadlinePassed) {
    const day = period.reminderDays[period.remindersSent];
    if (state.stage === RecheckStage.remediation && day !== undefined) alarms.push({ at: startOfVietnamDay(day), fire: () => remindRemediation(ctx, day) });
    // The plan's deadline ends with its due date in Vietnam.
    alarms.push({ at: endOfVietnamDay(period.dueDate) + 1, fire: () => remediationDeadlinePassed(ctx) });
  }
  return alarms.sort((a, b) => a.at - b.at)[0];
}

/** Waits for each alarm in turn until the re-check closes; any change to the re-check plans the next alarm afresh. */
export async function watchRecheckDeadlines(ctx: RecheckContext): Promise<void> {
  const { state } = ctx;
  const closed = () => state.stage === RecheckStage.closed;
  const snapshot = () => JSON.stringify([state.stage, state.round, state.tasks.map((t) => [t.closed, t.remindersSent, t.escalated]), state.remediation?.remindersSent, state.remediation?.deadlinePassed, state.reassessment?.remindersSent, state.reassessment?.escalated]);
  while (!closed()) {
    const before = snapshot();
    const alarm = nextAlarm(ctx);
    if (!alarm) {
      await condition(() => closed() || snapshot() !== before);
      continue;
    }
    const wait = alarm.at - Date.now();
    const changed = wait > 0 && (await condition(() => closed() || snapshot() !== before, wait));
    if (!changed) await alarm.fire();
  }
}
