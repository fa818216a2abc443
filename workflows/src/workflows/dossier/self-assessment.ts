import { ActivityFailure, ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import {
  HistoryEvent, StageKind, attachDocumentUpdate, dossierFailureTypes, openDossierUpdate, recordSelfAssessmentUpdate, submitDossierUpdate,
  type AttachDocumentCommand, type SelfAssessmentCommand, type SubmitCommand,
} from '@ntm/contracts';
import { missingForSubmission, vietnamDay } from '@ntm/domain';
import { requireClaimMeetsThresholds } from '../appraisal/claims.js';
import { activities, commandTime, failure, openingStage, rejectedStage, senderOf, type DossierContext } from './context.js';
import { openAppraisalRound } from './appraisal.js';

/** Opening, the commune's self-assessment and submission (and resubmission after supplementation). */
export function registerSelfAssessment(ctx: DossierContext, onRejected: () => void): void {
  const { input, state } = ctx;
  const selfStage = ctx.stageOf(StageKind.selfAssessment)?.code ?? openingStage;

  setHandler(openDossierUpdate, async () => {
    if (state.stage === openingStage) {
      try {
        await activities.createDossierRecord(input);
      } catch (e) {
        state.stage = rejectedStage;
        onRejected();
        throw e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause : e;
      }
      ctx.moveTo(selfStage);
    }
    return { dossierId: input.dossierId, trackingCode: input.trackingCode };
  });

  ctx.handleCommand(
    recordSelfAssessmentUpdate,
    async (command) => {
      await activities.saveSelfAssessment(input.dossierId, command);
      state.selfAssessed[command.criterionCode] = command.met;
      return { criterionCode: command.criterionCode };
    },
    (command: SelfAssessmentCommand) => {
      ctx.requireAllowed(command, 'dossier.edit');
      ctx.requireStageFor('dossier.edit');
      const criterion = input.requiredCriteria.find((c) => c.code === command.criterionCode);
      if (!criterion) {
        throw failure(dossierFailureTypes.unknownCriterion, `Bộ tiêu chí của hồ sơ không có tiêu chí "${command.criterionCode}".`);
      }
      // Judged against the plan the dossier opened with.
      requireClaimMeetsThresholds(criterion, command, input.thresholdGroup ?? null);
      if (state.supplementation.length > 0 && !state.supplementation.includes(command.criterionCode)) {
        throw failure(dossierFailureTypes.wrongStage, `Chỉ các tiêu chí được yêu cầu bổ sung (${state.supplementation.join(', ')}) mới được sửa lúc này.`);
      }
    },
  );

  ctx.handleCommand(
    attachDocumentUpdate,
    async (command) => {
      await activities.attachDocument(input.dossierId, command);
      state.documents[command.documentCode] = command.evidenceId;
      return { documentCode: command.documentCode };
    },
    (command: AttachDocumentCommand) => {
      ctx.requireAllowed(command, 'dossier.edit');
      ctx.requireStageFor('dossier.edit');
      if (!input.requiredDocuments.some((d) => d.code === command.documentCode)) {
        throw failure(dossierFailureTypes.unknownDocument, `Loại hồ sơ này không yêu cầu tài liệu "${command.documentCode}".`);
      }
    },
  );

  ctx.handleCommand(
    submitDossierUpdate,
    async (command) => {
      // A resubmission after supplementation re-appraises only the criteria sent back.
      const criteria = state.supplementation.length > 0 ? state.supplementation : input.requiredCriteria.map((c) => c.code);
      state.supplementation = [];
      const next = ctx.stageAfter(selfStage);
      // The submission is dated when the API received it; its due dates count from that instant.
      const submittedAt = patched('vietnam-calendar') ? commandTime(command) : null;
      // The commune verifies these before the district's offices appraise them (village chain).
      if (ctx.kindOf(next) === StageKind.confirmation) state.pendingCriteria = criteria;
      // Leave the stage before awaiting, so no other command slips in meanwhile.
      ctx.moveTo(next);
      const dated = submittedAt === null ? [] : ([new Date(submittedAt).toISOString()] as const);
      await activities.recordStageChange(input.dossierId, command.commandId, senderOf(command), next, HistoryEvent.dossierSubmitted, { criteria }, ...dated);
      if (patched('hold-submitted-evidence')) await activities.holdSubmittedEvidence(input.dossierId, command.commandId);
      await openAppraisalRound(ctx, criteria, submittedAt);
      return { stage: state.stage };
    },
    (command: SubmitCommand) => {
      ctx.requireAllowed(command, 'dossier.submit');
      ctx.requireStageFor('dossier.submit');
      const missing = missingForSubmission({
        ...input,
        ...state,
        today: vietnamDay(commandTime(command)),
      });
      if (missing.length > 0) throw failure(dossierFailureTypes.incomplete, 'Hồ sơ chưa đủ điều kiện để nộp.', missing);
    },
  );
}
