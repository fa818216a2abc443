import { setHandler } from '@temporalio/workflow';
import {
  recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate,
  type AttestationCommand, type PostingCommand, type SatisfactionCommand, type Sender,
} from '@ntm/contracts';
import { activities, senderOf, type DossierContext } from './context.js';

const day = 24 * 60 * 60 * 1000;

/** The day the public posting may come down: posting day + the province's period. */
export const postingEndsOn = (ctx: DossierContext): string | null =>
  ctx.state.postingStartedOn === null
    ? null
    : new Date(Date.parse(`${ctx.state.postingStartedOn}T00:00:00Z`) + (ctx.input.postingPeriodDays ?? 0) * day).toISOString().slice(0, 10);

/** The other conditions of submission: public posting, residents' satisfaction, attestations. */
export function registerConditions(ctx: DossierContext): void {
  const { input, state } = ctx;
  const selfAssessmentOnly = (command: Sender) => {
    ctx.requireAllowed(command, 'dossier.edit');
    ctx.requireStageFor('dossier.edit');
  };

  setHandler(
    recordPostingUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), 'posting.recorded', { postingStartedOn: command.startDate, evidenceIds: command.evidenceIds });
      state.postingStartedOn = command.startDate;
      state.postingElapsed = false;
      return { endsOn: postingEndsOn(ctx) ?? command.startDate };
    },
    { validator: (command: PostingCommand) => selfAssessmentOnly(command) },
  );

  setHandler(
    recordSatisfactionUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), 'satisfaction.recorded', {
        satisfactionPercent: command.percent,
        respondents: command.respondents,
        evidenceIds: command.evidenceIds,
      });
      state.satisfactionPercent = command.percent;
      return { percent: command.percent };
    },
    { validator: (command: SatisfactionCommand) => selfAssessmentOnly(command) },
  );

  setHandler(
    recordAttestationUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, senderOf(command), 'attestation.recorded', {
        attestation: { kind: command.kind, attested: command.attested, explanation: command.explanation, evidenceIds: command.evidenceIds },
      });
      state.attestations[command.kind] = command.attested;
      return { kind: command.kind };
    },
    { validator: (command: AttestationCommand) => selfAssessmentOnly(command) },
  );
}
