import { condition } from '@temporalio/workflow';
import { HistoryEvent, StageKind, type AppraisalTaskState } from '@ntm/contracts';
import { endOfVietnamDay, startOfVietnamDay } from '@ntm/domain';
import { activities, type DossierContext } from './context.js';
import { postingEndsOn } from './conditions.js';

const day = 24 * 60 * 60 * 1000;


type Alarm = { kind: 'reminder' | 'escalation'; task: AppraisalTaskState; at: number } | { kind: 'posting'; at: number };

/** The next reminder or escalation among the current round's open tasks, if any. */
export function nextAlarm(ctx: DossierContext): Alarm | undefined {
  const ends = postingEndsOn(ctx);
  // A durable timer marks the end of the public posting period in the dossier's history.
  if (ends !== null && !ctx.state.postingElapsed) return { kind: 'posting', at: startOfVietnamDay(ends) };
  const appraisal = ctx.stageOf(StageKind.appraisal);
  if (!appraisal || ctx.state.stage !== appraisal.code) return undefined;
  const every = ctx.input.durations[appraisal.code]?.reminderEveryDays ?? null;
  const alarms: Alarm[] = [];
  for (const task of ctx.state.tasks.filter((t) => t.round === ctx.state.round && !t.closed && !t.escalated)) {
    // A deadline ends with its due date in Vietnam.
    const end = endOfVietnamDay(task.dueDate);
    const reminder = every === null ? Infinity : task.openedAt + (task.remindersSent + 1) * every * day;
    alarms.push(reminder < end ? { task, kind: 'reminder', at: reminder } : { task, kind: 'escalation', at: end });
  }
  return alarms.sort((a, b) => a.at - b.at)[0];
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
  const { task, kind } = alarm;
  const base = `appraisal/round-${task.round}/${task.departmentCode}`;
  if (kind === 'reminder') {
    task.remindersSent += 1;
    await activities.recordDossierEvent(input.dossierId, `${base}/reminder-${task.remindersSent}`, HistoryEvent.appraisalReminder, {
      round: task.round,
      departmentCode: task.departmentCode,
      dueDate: task.dueDate,
      reminder: task.remindersSent,
    });
  } else {
    task.escalated = true;
    await activities.recordDossierEvent(input.dossierId, `${base}/escalated`, HistoryEvent.appraisalEscalated, {
      round: task.round,
      departmentCode: task.departmentCode,
      dueDate: task.dueDate,
      criterionCodes: task.criterionCodes.filter((c) => task.verdicts[c] === undefined),
      escalatedTo: input.hasDistrictStage ? ['district', 'province'] : ['province'],
    });
  }
}
