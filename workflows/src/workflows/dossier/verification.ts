import { patched } from '@temporalio/workflow';
import { StageKind, verificationEventTypes, type ConfirmationCommand } from '@ntm/contracts';
import { openAppraisalRound } from './appraisal.js';
import { activities, commandTime, senderOf, type DossierContext } from './context.js';

/** Whether the track's confirmation stage comes before its appraisal: the commune verifies a village's dossier. */
export function verifiesBeforeAppraisal(ctx: DossierContext): boolean {
  const kinds = ctx.input.stages.map((s) => s.kind);
  return kinds.includes(StageKind.confirmation) && kinds.indexOf(StageKind.confirmation) < kinds.indexOf(StageKind.appraisal);
}

/**
 * The commune forwards the submitted criteria to the district's offices for appraisal, or returns
 * the dossier to the village: all of it on a first submission, or the criteria sent back for
 * supplementation when it was a resubmission.
 */
export async function verify(ctx: DossierContext, command: ConfirmationCommand): Promise<{ stage: string }> {
  const { input, state } = ctx;
  const stage = ctx.stageOf(StageKind.confirmation)?.code ?? state.stage;
  const criteria = state.pendingCriteria ?? input.requiredCriteria.map((c) => c.code);
  delete state.pendingCriteria;
  const forward = command.decision === 'confirm';
  const next = forward ? ctx.stageAfter(stage) : (ctx.stageOf(StageKind.selfAssessment)?.code ?? state.stage);
  state.supplementation = !forward && state.round > 0 ? criteria : [];
  ctx.moveTo(next);
  const type = forward ? verificationEventTypes.verified : verificationEventTypes.returned;
  // Dated when the API received the command, so the appraisal's due date counts from that instant.
  const at = commandTime(command);
  await activities.recordStageChange(input.dossierId, command.commandId, senderOf(command), next, type, { reasons: command.reasons, criteria }, new Date(at).toISOString());
  // Only tracks with a verification before the appraisal come here; the marker keeps replays exact.
  if (forward && patched('village-verification')) await openAppraisalRound(ctx, criteria, at);
  return { stage: state.stage };
}
