import { patched } from '@temporalio/workflow';
import { HistoryEvent, MissingItem, dossierFailureTypes, recheckFailureTypes, recordRemediationPlanUpdate, requestReappraisalUpdate, senderOf, systemSender, type RemediationPlanCommand, type SubmitCommand } from '@ntm/contracts';
import { MissingKind, RecheckOutcome, RecheckStage, assessAfterRemediation } from '@ntm/domain';
import { failure } from '../appraisal/tasks.js';
import { openRecheckRound } from './appraisal.js';
import { activities, type RecheckContext } from './context.js';

const unmet = (ctx: RecheckContext) => ctx.plan.criteria.filter((c) => ctx.state.results[c.code] === 'not_met').map((c) => c.code);

/** A unit at risk plans the remediation of each unmet criterion (what, who, by when), then asks for their re-appraisal. */
export function registerRemediation(ctx: RecheckContext): void {
  const { state } = ctx;
  const period = () => {
    if (state.remediation === null) throw failure(dossierFailureTypes.wrongStage, 'Lượt rà soát không có kế hoạch khắc phục.');
    return state.remediation;
  };

  ctx.handleCommand(
    recordRemediationPlanUpdate,
    async (command: RemediationPlanCommand) => {
      ctx.commandReceived(command);
      const dueDate = command.dueDate ?? period().dueDate;
      await activities.recordRemediationPlan(ctx.recheckId, command, dueDate);
      if (!period().planned.includes(command.criterionCode)) period().planned.push(command.criterionCode);
      return { criterionCode: command.criterionCode, dueDate };
    },
    (command: RemediationPlanCommand) => {
      ctx.requireAllowed(command, 'dossier.edit');
      ctx.requireStage(RecheckStage.remediation);
      ctx.requireCriterion(command.criterionCode);
      if (!unmet(ctx).includes(command.criterionCode)) throw failure(recheckFailureTypes.invalidRemediation, `Tiêu chí "${command.criterionCode}" đang đạt; chỉ lập kế hoạch khắc phục cho tiêu chí chưa đạt.`);
      const { dueDate } = period();
      if (command.dueDate !== null && command.dueDate > dueDate) {
        throw failure(recheckFailureTypes.invalidRemediation, `Hạn hoàn thành ${command.dueDate} muộn hơn hạn khắc phục ${dueDate} của tỉnh.`, [{ location: 'body.dueDate', message: `không được muộn hơn ${dueDate}` }]);
      }
    },
  );

  ctx.handleCommand(
    requestReappraisalUpdate,
    async (command: SubmitCommand) => {
      ctx.commandReceived(command);
      const criteria = unmet(ctx);
      await activities.recordRecheckStep(ctx.recheckId, { eventId: command.commandId, type: HistoryEvent.reappraisalRequested, by: senderOf(command), payload: { criteria }, stage: RecheckStage.appraisal });
      if (patched('recheck-evidence-hold')) await activities.holdRecheckEvidence(ctx.recheckId, command.commandId);
      ctx.moveTo(RecheckStage.appraisal);
      await openRecheckRound(ctx, criteria);
      return { stage: state.stage };
    },
    (command: SubmitCommand) => {
      ctx.requireAllowed(command, 'dossier.submit');
      ctx.requireStage(RecheckStage.remediation);
      const missing = unmet(ctx).filter((c) => !period().planned.includes(c));
      if (missing.length > 0) {
        const items: MissingItem[] = missing.map((code) => ({ kind: MissingKind.criterionNotMet, code, message: `Tiêu chí "${code}" chưa có kế hoạch khắc phục.` }));
        throw failure(dossierFailureTypes.incomplete, 'Chưa đề nghị thẩm định lại được: còn tiêu chí chưa đạt chưa có kế hoạch khắc phục.', items);
      }
    },
  );
}

/** A reminder of the remediation period, on its working day. */
export async function remindRemediation(ctx: RecheckContext, day: string): Promise<void> {
  const period = ctx.state.remediation;
  if (period === null) return;
  period.remindersSent += 1;
  await activities.recordRecheckStep(ctx.recheckId, {
    eventId: `remediation/reminder-${period.remindersSent}`,
    type: HistoryEvent.remediationReminder,
    by: systemSender,
    payload: { day, at: new Date(Date.now()).toISOString(), dueDate: period.dueDate, unmet: unmet(ctx), planned: period.planned },
  });
}

/**
 * The remediation deadline has passed: a unit still waiting to be re-appraised is proposed for
 * revocation now; one being re-appraised is judged when its round ends.
 */
export async function remediationDeadlinePassed(ctx: RecheckContext): Promise<void> {
  const period = ctx.state.remediation;
  if (period === null) return;
  period.deadlinePassed = true;
  if (ctx.state.stage !== RecheckStage.remediation) return;
  const criteria = ctx.plan.criteria.map((c) => ({ code: c.code, isKey: c.isKey, met: ctx.state.results[c.code] === 'met' }));
  const a = assessAfterRemediation(criteria, true);
  ctx.state.assessment = { outcome: a.outcome, ground: a.ground, unmetCount: a.unmetCount, total: a.total, unmetCodes: a.unmetCodes, unmetKeyCodes: a.unmetKeyCodes };
  ctx.moveTo(RecheckStage.revocationProposed, RecheckOutcome.revocationProposed);
  await activities.recordRecheckStep(ctx.recheckId, {
    eventId: 'remediation/deadline-passed',
    type: HistoryEvent.remediationDeadlinePassed,
    by: systemSender,
    payload: { at: new Date(Date.now()).toISOString(), dueDate: period.dueDate, ...ctx.state.assessment },
    stage: RecheckStage.revocationProposed,
    outcome: RecheckOutcome.revocationProposed,
    assessment: ctx.state.assessment,
  });
}
