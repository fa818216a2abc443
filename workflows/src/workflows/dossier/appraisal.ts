import { HistoryEvent, StageKind } from '@ntm/contracts';
import { addDuration, dueDateOf, vietnamDay } from '@ntm/domain';
import { registerAppraisalVerdicts, roundResults, roundTasks } from '../appraisal/tasks.js';
import { activities, systemSender, type DossierContext } from './context.js';

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
  const tasks = roundTasks(input.appraisers, criteria, state.round, dueDate, Date.now());
  state.tasks.push(...tasks);
  await activities.openAppraisalTasks(input.dossierId, state.round, tasks.map(({ departmentCode, criterionCodes }) => ({ departmentCode, criterionCodes, dueDate })));
}

/** Department verdicts (the appraisal machinery shared with the re-check); the round's end moves the dossier on or back for supplementation. */
export function registerAppraisal(ctx: DossierContext): void {
  const { input, state } = ctx;
  registerAppraisalVerdicts(ctx.handleCommand, {
    tasks: () => state.tasks,
    round: () => state.round,
    stage: () => state.stage,
    requireAllowed(command) {
      ctx.requireAllowed(command, 'appraisal.record', { departmentCode: command.departmentCode, criterionCode: command.criterionCode });
      ctx.requireStageFor('appraisal.record');
    },
    saveVerdict: (round, command) => activities.saveAppraisalVerdict(input.dossierId, round, command),
    closeTask: (round, departmentCode) => activities.closeAppraisalTask(input.dossierId, round, departmentCode),
    finishRound: (tasks) => finishRound(ctx, tasks),
  });
}

async function finishRound(ctx: DossierContext, tasks: DossierContext['state']['tasks']): Promise<void> {
  const { input, state } = ctx;
  const results = roundResults(tasks);
  const criteria = Object.keys(results);
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
