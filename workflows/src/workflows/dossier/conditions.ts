import { setHandler } from '@temporalio/workflow';
import {
  recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate,
  type AttestationCommand, type PostingCommand, type SatisfactionCommand,
} from '@ntm/contracts';
import { activities, type DossierContext } from './context.js';

const day = 24 * 60 * 60 * 1000;

/** The day the public posting may come down: posting day + the province's period. */
export const postingEndsOn = (ctx: DossierContext): string | null =>
  ctx.state.postingStartedOn === null
    ? null
    : new Date(Date.parse(`${ctx.state.postingStartedOn}T00:00:00Z`) + (ctx.input.postingPeriodDays ?? 0) * day).toISOString().slice(0, 10);

/** The other conditions of submission: public posting, residents' satisfaction, attestations. */
export function registerConditions(ctx: DossierContext): void {
  const { input, state } = ctx;
  const selfAssessmentOnly = () => ctx.requireStageKind('self_assessment');

  setHandler(
    recordPostingUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, command.actor, 'posting.recorded', { postingStartedOn: command.startDate, evidenceIds: command.evidenceIds });
      state.postingStartedOn = command.startDate;
      state.postingElapsed = false;
      return { endsOn: postingEndsOn(ctx) ?? command.startDate };
    },
    { validator: (_command: PostingCommand) => selfAssessmentOnly() },
  );

  setHandler(
    recordSatisfactionUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, command.actor, 'satisfaction.recorded', {
        satisfactionPercent: command.percent,
        respondents: command.respondents,
        evidenceIds: command.evidenceIds,
      });
      state.satisfactionPercent = command.percent;
      return { percent: command.percent };
    },
    { validator: (_command: SatisfactionCommand) => selfAssessmentOnly() },
  );

  setHandler(
    recordAttestationUpdate,
    async (command) => {
      await activities.recordCondition(input.dossierId, command.commandId, command.actor, 'attestation.recorded', {
        attestation: { kind: command.kind, attested: command.attested, explanation: command.explanation, evidenceIds: command.evidenceIds },
      });
      state.attestations[command.kind] = command.attested;
      return { kind: command.kind };
    },
    { validator: (_command: AttestationCommand) => selfAssessmentOnly() },
  );
}
