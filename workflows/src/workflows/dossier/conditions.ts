import {
  HistoryEvent, recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate,
  type AttestationCommand, type PostingCommand, type SatisfactionCommand, type Sender,
} from '@ntm/contracts';
import { addDays } from '@ntm/domain';
import { activities, senderOf, type DossierContext } from './context.js';

/** The day the public posting may come down: posting day + the province's period. */
export const postingEndsOn = (ctx: DossierContext): string | null =>
  ctx.state.postingStartedOn === null ? null : addDays(ctx.state.postingStartedOn, ctx.input.postingPeriodDays ?? 0);

/** The other conditions of submission: public posting, residents' satisfaction, attestations. */
export function registerConditions(ctx: DossierContext): void {
  const { input, state } = ctx;
  const selfAssessmentOnly = (command: Sender) => {
    ctx.requireAllowed(command, 'dossier.edit');
    ctx.requireStageFor('dossier.edit');
  };

  ctx.handleCommand(
    recordPostingUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), HistoryEvent.postingRecorded, { postingStartedOn: command.startDate, evidenceIds: command.evidenceIds });
      state.postingStartedOn = command.startDate;
      state.postingElapsed = false;
      return { endsOn: postingEndsOn(ctx) ?? command.startDate };
    },
    (command: PostingCommand) => selfAssessmentOnly(command),
  );

  ctx.handleCommand(
    recordSatisfactionUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), HistoryEvent.satisfactionRecorded, {
        satisfactionPercent: command.percent,
        respondents: command.respondents,
        evidenceIds: command.evidenceIds,
      });
      state.satisfactionPercent = command.percent;
      return { percent: command.percent };
    },
    (command: SatisfactionCommand) => selfAssessmentOnly(command),
  );

  ctx.handleCommand(
    recordAttestationUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), HistoryEvent.attestationRecorded, {
        attestation: { kind: command.kind, attested: command.attested, explanation: command.explanation, evidenceIds: command.evidenceIds },
      });
      state.attestations[command.kind] = command.attested;
      return { kind: command.kind };
    },
    (command: AttestationCommand) => selfAssessmentOnly(command),
  );
}
