import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { decideRevocationUpdate, dossierFailureTypes, senderOf, type RevocationCommand } from '@ntm/contracts';
import { RecheckOutcome, RecheckStage } from '@ntm/domain';
import { failure } from '../appraisal/tasks.js';
import { activities, type RecheckContext } from './context.js';

/**
 * The decision on a proposed revocation, by the level that decides the track (the province, the
 * district for a village): revoke (a numbered decision, rendered as a PDF) or keep, with reasons.
 */
export function registerRevocationDecision(ctx: RecheckContext): void {
  let deciding = false;
  ctx.handleCommand(
    decideRevocationUpdate,
    async (command: RevocationCommand) => {
      ctx.commandReceived(command);
      deciding = true;
      try {
        await activities.recordRevocationDecision(ctx.recheckId, command);
      } catch (e) {
        // A decision number already used in the province and year: nothing was written.
        deciding = false;
        throw e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause : e;
      }
      const outcome = command.outcome === 'revoke' ? RecheckOutcome.revoked : RecheckOutcome.kept;
      if (command.outcome === 'revoke') await activities.renderRevocationDocument(ctx.recheckId, command.commandId);
      await activities.publishRevocationDecision(ctx.recheckId, command.commandId, senderOf(command));
      ctx.moveTo(RecheckStage.closed, outcome);
      return { stage: RecheckStage.closed, outcome, decisionId: command.commandId };
    },
    (command: RevocationCommand) => {
      ctx.requireAllowed(command, 'recognition.revoke');
      ctx.requireStage(RecheckStage.revocationProposed);
      if (deciding) throw failure(dossierFailureTypes.wrongStage, 'Lượt rà soát đang được ghi quyết định.');
    },
  );
}
