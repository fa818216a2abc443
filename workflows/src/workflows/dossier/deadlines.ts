import { condition } from '@temporalio/workflow';
import type { AppraisalTaskState } from '@ntm/contracts';
import { activities, type DossierContext } from './context.js';

const day = 24 * 60 * 60 * 1000;

/** A deadline is the end of its due date in Vietnam (UTC+7). */
export const deadlineEnd = (dueDate: string) => Date.parse(`${dueDate}T23:59:59.999+07:00`);

interface Alarm {
  task: AppraisalTaskState;
  kind: 'reminder' | 'escalation';
  at: number;
}

/** The next reminder or escalation among the current round's open tasks, if any. */
export function nextAlarm(ctx: DossierContext): Alarm | undefined {
  const appraisal = ctx.stageOf('appraisal');
  if (!appraisal || ctx.state.stage !== appraisal.code) return undefined;
  const every = ctx.input.durations[appraisal.code]?.reminderEveryDays ?? null;
  const alarms: Alarm[] = [];
  for (const task of ctx.state.tasks.filter((t) => t.round === ctx.state.round && !t.closed && !t.escalated)) {
    const end = deadlineEnd(task.dueDate);
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
  const snapshot = () => JSON.stringify([ctx.state.stage, ctx.state.round, ctx.state.tasks.map((t) => [t.closed, t.remindersSent, t.escalated])]);
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

async function fire(ctx: DossierContext, { task, kind }: Alarm): Promise<void> {
  const { input } = ctx;
  const base = `appraisal/round-${task.round}/${task.departmentCode}`;
  if (kind === 'reminder') {
    task.remindersSent += 1;
    await activities.recordDossierEvent(input.dossierId, `${base}/reminder-${task.remindersSent}`, 'appraisal.reminder', {
      round: task.round,
      departmentCode: task.departmentCode,
      dueDate: task.dueDate,
      reminder: task.remindersSent,
    });
  } else {
    task.escalated = true;
    await activities.recordDossierEvent(input.dossierId, `${base}/escalated`, 'appraisal.escalated', {
      round: task.round,
      departmentCode: task.departmentCode,
      dueDate: task.dueDate,
      criterionCodes: task.criterionCodes.filter((c) => task.verdicts[c] === undefined),
      escalatedTo: input.hasDistrictStage ? ['district', 'province'] : ['province'],
    });
  }
}
