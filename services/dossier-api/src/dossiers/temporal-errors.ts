import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { dossierFailureTypes, FieldError, MissingItem, recheckFailureTypes, stageNameOf } from '@ntm/contracts';
import { readDossierPlan } from '@ntm/catalog';
import type { Db } from '@ntm/db';
import { HttpProblem, isDependencyUnavailable, type ProblemKind } from '@ntm/http';
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
  [recheckFailureTypes.invalidRemediation]: 'unprocessable',
};

const retryDetail = 'Hệ thống xử lý hồ sơ chưa phản hồi; hãy gửi lại cùng mã lệnh sau ít phút (lệnh sẽ không bị ghi hai lần).';

/** Turns a rejected workflow update into the problem the caller should see; rethrows the rest. */
export function toHttpProblem(error: unknown): never {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isDependencyUnavailable(error)) throw new HttpProblem('unavailable', retryDetail);
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type && kindByFailure[cause.type]) {
    const missing = z.array(MissingItem).safeParse(cause.details?.[0]);
    const fields = z.array(FieldError).safeParse(cause.details?.[0]);
    const errors = missing.success ? missing.data.map((m) => ({ location: `dossier.${m.kind}.${m.code}`, message: m.message })) : fields.success ? fields.data : undefined;
    throw new HttpProblem(kindByFailure[cause.type] ?? 'conflict', cause.message, errors);
  }
  throw error;
}

/**
 * A command to a dossier that failed: a dossier whose workflow has completed (decided, refused)
 * answers a wrong-stage problem that says the stage the record shows; the rest as toHttpProblem.
 */
export async function commandFailure(db: Db, dossierId: string, error: unknown): Promise<never> {
  if (!(error instanceof WorkflowNotFoundError)) return toHttpProblem(error);
  const dossier = await db.dossier.findUnique({ where: { id: dossierId }, select: { stage: true, plan: true, trackCode: true, criteriaSetCode: true, provinceCode: true } });
  if (!dossier) throw new HttpProblem('notFound', `Không có hồ sơ "${dossierId}".`);
  // The stage names the dossier opened with, whatever the catalog says today.
  const stage = stageNameOf(dossier.stage, (await readDossierPlan(db, dossier)).stages);
  throw new HttpProblem('wrongStage', `Hồ sơ đang ở bước "${stage}" và đã kết thúc xử lý; không còn nhận lệnh này.`);
}
