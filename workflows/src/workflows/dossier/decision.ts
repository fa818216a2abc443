import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { decideDossierUpdate, dossierFailureTypes, SystemStage, type DecisionCommand } from '@ntm/contracts';
import { activities, failure, senderOf, type DossierContext } from './context.js';

export const recognisedStage = SystemStage.recognised;
export const refusedStage = SystemStage.refused;

/** The decision: recognition (stored, rendered as a PDF, published) or refusal with reasons. */
export function registerDecision(ctx: DossierContext, onDecided: () => void): void {
  const { input } = ctx;
  let deciding = false;

  ctx.handleCommand(
    decideDossierUpdate,
    async (command) => {
      deciding = true;
      try {
        await activities.recordDecision(input.dossierId, command);
      } catch (e) {
        // A decision number already used in the province and year: nothing was written.
        deciding = false;
        throw e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause : e;
      }
      if (command.outcome === 'recognise') await activities.renderDecisionDocument(input.dossierId, command.commandId);
      const outcome = command.outcome === 'recognise' ? recognisedStage : refusedStage;
      await activities.publishDecision(input.dossierId, command.commandId, senderOf(command), outcome);
      ctx.moveTo(outcome);
      onDecided();
      return { stage: outcome, decisionId: command.commandId };
    },
    (command: DecisionCommand) => {
      ctx.requireAllowed(command, 'decision.decide');
      ctx.requireStageFor('decision.decide');
      if (deciding) throw failure(dossierFailureTypes.wrongStage, 'Hồ sơ đang được ghi quyết định.');
    },
  );
}
