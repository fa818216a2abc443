import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { dossierFailureTypes, FieldError, MissingItem } from '@ntm/contracts';
import { HttpProblem, type ProblemKind } from '@ntm/http';
import { z } from 'zod';

const kindByFailure: Record<string, ProblemKind> = {
  [dossierFailureTypes.wrongStage]: 'wrongStage',
  [dossierFailureTypes.invalidSelfAssessment]: 'unprocessable',
  [dossierFailureTypes.alreadyOpen]: 'conflict',
  [dossierFailureTypes.unknownCriterion]: 'notFound',
  [dossierFailureTypes.unknownDocument]: 'notFound',
  [dossierFailureTypes.incomplete]: 'unprocessable',
  [dossierFailureTypes.notAssigned]: 'forbidden',
  [dossierFailureTypes.forbidden]: 'forbidden',
  [dossierFailureTypes.taskClosed]: 'conflict',
  [dossierFailureTypes.duplicateDecisionNumber]: 'conflict',
  [dossierFailureTypes.decisionFormIncomplete]: 'unprocessable',
};

/** Turns a rejected workflow update into the problem the caller should see; rethrows the rest. */
export function toHttpProblem(error: unknown): never {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw new HttpProblem('unavailable', 'Hệ thống xử lý hồ sơ chưa phản hồi; hãy gửi lại cùng mã lệnh.');
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type && kindByFailure[cause.type]) {
    const missing = z.array(MissingItem).safeParse(cause.details?.[0]);
    const fields = z.array(FieldError).safeParse(cause.details?.[0]);
    const errors = missing.success ? missing.data.map((m) => ({ location: `dossier.${m.kind}.${m.code}`, message: m.message })) : fields.success ? fields.data : undefined;
    throw new HttpProblem(kindByFailure[cause.type] ?? 'conflict', cause.message, errors);
  }
  throw error;
}
