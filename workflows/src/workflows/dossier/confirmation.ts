import { districtConfirmationUpdate, HistoryEvent, StageKind, type ConfirmationCommand } from '@ntm/contracts';
import { activities, senderOf, type DossierContext } from './context.js';
import { verifiesBeforeAppraisal, verify } from './verification.js';

/**
 * The district confirms and forwards, or returns the dossier to the commune with reasons; where
 * the track puts this stage before the appraisal, the commune verifies the village's dossier.
 */
export function registerConfirmation(ctx: DossierContext): void {
  const { input, state } = ctx;
  ctx.handleCommand(
    districtConfirmationUpdate,
    async (command) => {
      if (verifiesBeforeAppraisal(ctx)) return verify(ctx, command);
      const confirmation = ctx.stageOf(StageKind.confirmation)?.code ?? state.stage;
      const next = command.decision === 'confirm' ? ctx.stageAfter(confirmation) : (ctx.stageOf(StageKind.selfAssessment)?.code ?? state.stage);
      // A returned dossier keeps its history; resubmitting it opens a full new appraisal round.
      state.supplementation = [];
      ctx.moveTo(next);
      const type = command.decision === 'confirm' ? HistoryEvent.districtConfirmed : HistoryEvent.districtReturned;
      await activities.recordStageChange(input.dossierId, command.commandId, senderOf(command), next, type, { reasons: command.reasons });
      return { stage: next };
    },
    (command: ConfirmationCommand) => {
      ctx.requireAllowed(command, 'confirmation.decide');
      ctx.requireStageFor('confirmation.decide');
    },
  );
}
