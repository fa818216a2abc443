import { dossierFailureTypes, HistoryEvent, recordAppraisalUpdate, StageKind, type AppraisalCommand } from '@ntm/contracts';
import { addDuration, dueDateOf, rollUpAppraisals, vietnamDay } from '@ntm/domain';
import { activities, failure, systemSender, type DossierContext } from './context.js';

/**
 * Opens one task per department for the given criteria, each with its deadline counted from
 * `submittedAt` in Vietnam's calendar, the instant the submission is recorded at, so the task and
 * the process-control record share one due date. null: a run from before 'vietnam-calendar',
 * which counted from the UTC day of workflow time, replays as it ran.
 */
export async function openAppraisalRound(ctx: DossierContext, criteria: readonly string[], submittedAt: number | null): Promise<void> {
  const { input, state } = ctx;
  const stage = ctx.stageOf(StageKind.appraisal);
  if (!stage || state.stage !== stage.code) return;
  state.round += 1;
  const calendar = { holidays: input.holidays };
  const duration = input.durations[stage.code];
  // calendar-scan: allow (the UTC day runs before 'vietnam-calendar' counted from, kept for replay)
  const legacyUtcDay = () => new Date().toISOString().slice(0, 10);
  const dueDate =
    submittedAt === null
      ? (duration ? addDuration(legacyUtcDay(), duration, calendar) : legacyUtcDay())
      : duration ? dueDateOf(submittedAt, duration, calendar) : vietnamDay(submittedAt);
  const tasks = input.appraisers
    .map((a) => ({ departmentCode: a.departmentCode, criterionCodes: a.criterionCodes.filter((c) => criteria.includes(c)) }))
    .filter((t) => t.criterionCodes.length > 0)
    .map((t) => ({ ...t, round: state.round, dueDate, verdicts: {}, closed: false, openedAt: Date.now(), remindersSent: 0, escalated: false }));
  state.tasks.push(...tasks);
  await activities.openAppraisalTasks(input.dossierId, state.round, tasks.map(({ departmentCode, criterionCodes }) => ({ departmentCode, criterionCodes, dueDate })));
}

/** Department verdicts; when a round's last task closes, the dossier moves on or goes back for supplementation. */
export function registerAppraisal(ctx: DossierContext): void {
  const { input, state } = ctx;
  const openTask = (departmentCode: string) => state.tasks.find((t) => t.round === state.round && t.departmentCode === departmentCode);

  ctx.handleCommand(
    recordAppraisalUpdate,
    async (command) => {
      await activities.saveAppraisalVerdict(input.dossierId, state.round, command);
      const task = openTask(command.departmentCode);
      if (!task) return { taskClosed: false, stage: state.stage };
      task.verdicts[command.criterionCode] = { verdict: command.verdict, reason: command.reason };
      // Decided synchronously, so only the handler that closes the round's last task finishes it.
      const taskClosed = task.criterionCodes.every((c) => task.verdicts[c] !== undefined);
      task.closed = taskClosed;
      const roundTasks = state.tasks.filter((t) => t.round === state.round);
      const roundDone = taskClosed && roundTasks.every((t) => t.closed);
      if (taskClosed) await activities.closeAppraisalTask(input.dossierId, state.round, command.departmentCode);
      if (roundDone) await finishRound(ctx, roundTasks);
      return { taskClosed, stage: state.stage };
    },
    (command: AppraisalCommand) => {
      ctx.requireAllowed(command, 'appraisal.record', { departmentCode: command.departmentCode, criterionCode: command.criterionCode });
      ctx.requireStageFor('appraisal.record');
      const task = openTask(command.departmentCode);
      if (!task) {
        throw failure(dossierFailureTypes.notAssigned, `Sở/phòng "${command.departmentCode}" không có nhiệm vụ thẩm định nào trong vòng này của hồ sơ.`);
      }
      if (!task.criterionCodes.includes(command.criterionCode)) {
        throw failure(dossierFailureTypes.notAssigned, `Tiêu chí "${command.criterionCode}" không được giao cho "${command.departmentCode}" thẩm định.`);
      }
      if (task.closed) throw failure(dossierFailureTypes.taskClosed, `Nhiệm vụ thẩm định của "${command.departmentCode}" đã kết thúc.`);
    },
  );
}

async function finishRound(ctx: DossierContext, roundTasks: DossierContext['state']['tasks']): Promise<void> {
  const { input, state } = ctx;
  const criteria = [...new Set(roundTasks.flatMap((t) => t.criterionCodes))];
  const results = Object.fromEntries(
    criteria.map((c) => [c, rollUpAppraisals(roundTasks.filter((t) => t.criterionCodes.includes(c)).map((t) => t.verdicts[c]?.verdict ?? 'pending'))]),
  );
  const supplement = criteria.filter((c) => results[c] === 'needs_supplementation');
  const appraisal = ctx.stageOf(StageKind.appraisal)?.code ?? state.stage;
  const eventId = `appraisal/round-${state.round}/finished`;
  if (supplement.length > 0) {
    state.supplementation = supplement;
    const back = ctx.stageOf(StageKind.selfAssessment)?.code ?? state.stage;
    ctx.moveTo(back);
    await activities.recordStageChange(input.dossierId, eventId, systemSender, back, HistoryEvent.supplementationRequested, { round: state.round, criteria: supplement, results });
  } else {
    const next = ctx.stageAfter(appraisal);
    ctx.moveTo(next);
    await activities.recordStageChange(input.dossierId, eventId, systemSender, next, HistoryEvent.appraisalCompleted, { round: state.round, results });
  }
}
