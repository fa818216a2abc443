import { patched } from '@temporalio/workflow';
import { HistoryEvent, MissingItem, dossierFailureTypes, recordReassessmentUpdate, senderOf, submitReassessmentUpdate, type SelfAssessmentCommand, type SubmitCommand } from '@ntm/contracts';
import { MissingKind, RecheckStage, assessmentChange, unassessedCriteria } from '@ntm/domain';
import { requireClaimMeetsThresholds } from '../appraisal/claims.js';
import { failure } from '../appraisal/tasks.js';
import { openRecheckRound } from './appraisal.js';
import { activities, type RecheckContext } from './context.js';

/** The unit re-assesses its criteria (last values carry over until it says otherwise), then submits them for re-appraisal. */
export function registerReassessment(ctx: RecheckContext): void {
  const { state } = ctx;

  ctx.handleCommand(
    recordReassessmentUpdate,
    async (command: SelfAssessmentCommand) => {
      ctx.commandReceived(command);
      const last = ctx.plan.criteria.find((c) => c.code === command.criterionCode)?.last ?? null;
      const change = assessmentChange(last, command);
      await activities.recordReassessment(ctx.recheckId, command, change);
      state.reassessed[command.criterionCode] = change;
      return { criterionCode: command.criterionCode, change };
    },
    (command: SelfAssessmentCommand) => {
      ctx.requireAllowed(command, 'dossier.edit');
      ctx.requireStage(RecheckStage.selfAssessment);
      ctx.requireCriterion(command.criterionCode);
      // Judged on the thresholds the re-check opened with, by the dossier's one rule.
      const criterion = ctx.plan.criteria.find((c) => c.code === command.criterionCode);
      if (criterion) requireClaimMeetsThresholds(criterion, command, ctx.plan.thresholdGroup ?? null);
      if (state.supplementation.length > 0 && !state.supplementation.includes(command.criterionCode)) {
        throw failure(dossierFailureTypes.wrongStage, `Chỉ các tiêu chí được yêu cầu bổ sung (${state.supplementation.join(', ')}) được đánh giá lại ở bước này.`);
      }
    },
  );

  ctx.handleCommand(
    submitReassessmentUpdate,
    async (command: SubmitCommand) => {
      ctx.commandReceived(command);
      // A round after supplementation re-appraises only the criteria sent back.
      const criteria = state.supplementation.length > 0 ? state.supplementation : ctx.plan.criteria.map((c) => c.code);
      const carriedOver = ctx.plan.criteria.filter((c) => state.reassessed[c.code] === undefined).map((c) => c.code);
      await activities.recordRecheckStep(ctx.recheckId, {
        eventId: command.commandId,
        type: HistoryEvent.reassessmentSubmitted,
        by: senderOf(command),
        payload: { carriedOver, changed: Object.keys(state.reassessed).filter((c) => state.reassessed[c] === 'changed') },
        stage: RecheckStage.appraisal,
      });
      // What went out for re-appraisal stays as it was in the store too (re-checks sent before this kept it through the evidence API only).
      if (patched('recheck-evidence-hold')) await activities.holdRecheckEvidence(ctx.recheckId, command.commandId);
      state.supplementation = [];
      ctx.moveTo(RecheckStage.appraisal);
      await openRecheckRound(ctx, criteria);
      return { stage: state.stage, carriedOver };
    },
    (command: SubmitCommand) => {
      ctx.requireAllowed(command, 'dossier.submit');
      ctx.requireStage(RecheckStage.selfAssessment);
      const criteria = ctx.plan.criteria.map((c) => ({ code: c.code, hasLast: c.last !== null }));
      const missing = unassessedCriteria(criteria, new Set(Object.keys(state.reassessed)));
      if (missing.length > 0) {
        const items: MissingItem[] = missing.map((code) => ({ kind: MissingKind.criterionNotAssessed, code, message: `Tiêu chí "${code}" chưa được đánh giá lại và không có kết quả năm trước để giữ nguyên.` }));
        throw failure(dossierFailureTypes.incomplete, 'Chưa gửi được kết quả tự rà soát: còn tiêu chí chưa đánh giá.', items);
      }
    },
  );
}
