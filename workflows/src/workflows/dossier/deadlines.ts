import { condition } from '@temporalio/workflow';
import { HistoryEvent, StageKind } from '@ntm/contracts';
import { startOfVietnamDay } from '@ntm/domain';
import { fireTaskAlarm, taskAlarms, type TaskAlarm } from '../appraisal/tasks.js';
import { activities, type DossierContext } from './context.js';
import { postingEndsOn } from './conditions.js';

type Alarm = TaskAlarm | { kind: 'posting'; at: number };

/** The next reminder or escalation among the current round's open tasks, if any. */
export function nextAlarm(ctx: DossierContext): Alarm | undefined {
  const ends = postingEndsOn(ctx);
  // A durable timer marks the end of the public posting period in the dossier's history.
  if (ends !== null && !ctx.state.postingElapsed) return { kind: 'posting', at: startOfVietnamDay(ends) };
  const appraisal = ctx.stageOf(StageKind.appraisal);
  if (!appraisal || ctx.state.stage !== appraisal.code) return undefined;
  const every = ctx.input.durations[appraisal.code]?.reminderEveryDays ?? null;
  return taskAlarms(ctx.state.tasks, ctx.state.round, every).sort((a, b) => a.at - b.at)[0];
}

/**
 * Waits for the next reminder or escalation and records it; returns early whenever the dossier
 * changes (a verdict closes a task, the stage moves on), so the next alarm is planned afresh.
 */
export async function watchDeadlines(ctx: DossierContext, finished: () => boolean): Promise<void> {
  const snapshot = () =>
    JSON.stringify([ctx.state.stage, ctx.state.round, ctx.state.postingStartedOn, ctx.state.postingElapsed, ctx.state.tasks.map((t) => [t.closed, t.remindersSent, t.escalated])]);
  while (!finished()) {
    const before = snapshot();
    const alarm = nextAlarm(ctx);
    if (!alarm) {
      await condition(() => finished() || snapshot() !== before);
      continue;
    }
    const wait = alarm.at - Date.now();
    const changed = wait > 0 && (await condition(() => finished() || snapshot() !== before, wait));
    if (!changed) await fire(ctx, alarm);
  }
}

async function fire(ctx: DossierContext, alarm: Alarm): Promise<void> {
  const { input } = ctx;
  if (alarm.kind === 'posting') {
    ctx.state.postingElapsed = true;
    await activities.recordDossierEvent(input.dossierId, `posting/${ctx.state.postingStartedOn ?? ''}/elapsed`, HistoryEvent.postingElapsed, { postingStartedOn: ctx.state.postingStartedOn });
    return;
  }
  const event = fireTaskAlarm(alarm, input.hasDistrictStage ? ['district', 'province'] : ['province']);
  await activities.recordDossierEvent(input.dossierId, event.eventId, event.type, event.payload);
}
