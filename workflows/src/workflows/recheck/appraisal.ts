import { HistoryEvent, systemSender, type AppraisalTaskState } from '@ntm/contracts';
import { RecheckOutcome, RecheckStage, assessAfterRemediation, assessMaintenance, dueDateOf, remediationSchedule, vietnamDay, type RecheckAssessment } from '@ntm/domain';
import { registerAppraisalVerdicts, roundResults, roundTasks } from '../appraisal/tasks.js';
import { activities, type RecheckContext } from './context.js';

/**
 * Opens a re-appraisal round of the given criteria, one task per department (the recognition's
 * machinery). The first round is due on the campaign's date for the departments, or, submitted
 * after it, the track's appraisal duration later; later rounds take the track's duration.
 */
export async function openRecheckRound(ctx: RecheckContext, criteria: readonly string[]): Promise<void> {
  const { state, plan } = ctx;
  state.round += 1;
  const at = ctx.now();
  const byDuration = dueDateOf(at, plan.appraisal, { holidays: plan.holidays });
  const dueDate = state.round === 1 && ctx.input.appraisalDue >= vietnamDay(at) ? ctx.input.appraisalDue : byDuration;
  const tasks = roundTasks(plan.appraisers, criteria, state.round, dueDate, Date.now());
  state.tasks.push(...tasks);
  await activities.openRecheckAppraisalTasks(ctx.recheckId, state.round, tasks.map(({ departmentCode, criterionCodes }) => ({ departmentCode, criterionCodes, dueDate })));
}

/** The departments' verdicts; the round's end decides the outcome (or sends criteria back for supplementation). */
export function registerRecheckAppraisal(ctx: RecheckContext): void {
  const { state } = ctx;
  registerAppraisalVerdicts(ctx.handleCommand, {
    tasks: () => state.tasks,
    round: () => state.round,
    stage: () => state.stage,
    requireAllowed(command) {
      ctx.requireAllowed(command, 'appraisal.record', { departmentCode: command.departmentCode, criterionCode: command.criterionCode });
      ctx.requireStage(RecheckStage.appraisal);
    },
    saveVerdict: async (round, command) => {
      ctx.commandReceived(command);
      await activities.saveRecheckVerdict(ctx.recheckId, round, command);
    },
    closeTask: (round, departmentCode) => activities.closeRecheckAppraisalTask(ctx.recheckId, round, departmentCode),
    finishRound: (tasks) => finishRound(ctx, tasks),
  });
}

const assessmentView = (a: RecheckAssessment) => ({ outcome: a.outcome, ground: a.ground, unmetCount: a.unmetCount, total: a.total, unmetCodes: a.unmetCodes, unmetKeyCodes: a.unmetKeyCodes });

async function finishRound(ctx: RecheckContext, tasks: AppraisalTaskState[]): Promise<void> {
  const { state, plan } = ctx;
  const verdicts = roundResults(tasks);
  const eventId = `appraisal/round-${state.round}/finished`;
  const supplement = Object.keys(verdicts).filter((c) => verdicts[c] === 'needs_supplementation');
  if (supplement.length > 0) {
    state.supplementation = supplement;
    ctx.moveTo(RecheckStage.selfAssessment);
    await activities.recordRecheckStep(ctx.recheckId, { eventId, type: HistoryEvent.supplementationRequested, by: systemSender, payload: { round: state.round, criteria: supplement }, stage: RecheckStage.selfAssessment });
    return;
  }
  const results: Record<string, 'met' | 'not_met'> = {};
  for (const [code, verdict] of Object.entries(verdicts)) results[code] = verdict === 'met' ? 'met' : 'not_met';
  Object.assign(state.results, results);
  const criteria = plan.criteria.map((c) => ({ code: c.code, isKey: c.isKey, met: state.results[c.code] === 'met' }));
  const assessment: RecheckAssessment = state.remediation === null ? assessMaintenance({ criteria }) : assessAfterRemediation(criteria, state.remediation.deadlinePassed);
  state.assessment = assessmentView(assessment);
  const step = { eventId, type: HistoryEvent.maintenanceAssessed, by: systemSender, results, assessment: state.assessment };
  const payload = { round: state.round, results, ...state.assessment };
  switch (assessment.outcome) {
    case RecheckOutcome.maintained:
      ctx.moveTo(RecheckStage.closed, RecheckOutcome.maintained);
      await activities.recordRecheckStep(ctx.recheckId, { ...step, payload, stage: RecheckStage.closed, outcome: RecheckOutcome.maintained, closed: true });
      return;
    case RecheckOutcome.atRisk: {
      // The first time at risk opens the remediation period; a re-appraisal still short of the standard keeps it.
      if (state.remediation === null) {
        const startedOn = vietnamDay(ctx.now());
        const schedule = remediationSchedule(startedOn, plan.remediation, { holidays: plan.holidays });
        state.remediation = { startedOn, ...schedule, remindersSent: 0, planned: [], deadlinePassed: false };
      }
      const { dueDate } = state.remediation;
      state.remediation.planned = state.remediation.planned.filter((c) => state.results[c] === 'not_met');
      ctx.moveTo(RecheckStage.remediation, RecheckOutcome.atRisk);
      await activities.recordRecheckStep(ctx.recheckId, { ...step, payload: { ...payload, remediationDueDate: dueDate }, stage: RecheckStage.remediation, outcome: RecheckOutcome.atRisk, remediationDueDate: dueDate });
      return;
    }
    case RecheckOutcome.revocationProposed:
      ctx.moveTo(RecheckStage.revocationProposed, RecheckOutcome.revocationProposed);
      await activities.recordRecheckStep(ctx.recheckId, { ...step, payload, stage: RecheckStage.revocationProposed, outcome: RecheckOutcome.revocationProposed });
      return;
  }
}
