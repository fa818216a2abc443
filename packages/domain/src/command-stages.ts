import { authorize, commands, type Actor, type Command, type DossierScope } from './authorization.js';
import { StageKind } from './approval-chain.js';
import { FinalStage } from './system-stages.js';

/**
 * When each dossier command can run: in a stage of the named kind, `any` stage (reads), or once
 * the dossier is `recognised`. The one table the workflow's update validators, the evidence API
 * and the list of what a person may do now all read.
 */
export const commandStageKind = {
  'dossier.read': 'any',
  'evidence.read': 'any',
  'dossier.edit': StageKind.selfAssessment,
  'dossier.submit': StageKind.selfAssessment,
  'evidence.upload': StageKind.selfAssessment,
  'evidence.delete': StageKind.selfAssessment,
  'appraisal.record': StageKind.appraisal,
  'confirmation.decide': StageKind.confirmation,
  'decision.decide': StageKind.decision,
  'recognition.revoke': 'recognised',
} as const satisfies Partial<Record<Command, StageKind | 'any' | 'recognised'>>;

/** The commands that act on a dossier (the others act on a unit; a unit test keeps the two tables in step). */
export type DossierCommand = keyof typeof commandStageKind;

export const dossierCommands: readonly DossierCommand[] = commands.filter((c): c is DossierCommand => c in commandStageKind);

/** Whether a dossier at `stage` (a track stage of `stageKind`, or a final stage) takes the command. */
export function stageAllows(command: DossierCommand, stage: { code: string; kind: StageKind | null }): boolean {
  const wanted = commandStageKind[command];
  if (wanted === 'any') return true;
  if (wanted === 'recognised') return stage.code === FinalStage.recognised;
  return stage.kind === wanted;
}

export interface AvailableCommands {
  commands: DossierCommand[];
  /** For appraisal.record: the criteria each of the actor's departments may appraise on this dossier. */
  appraisals: Array<{ departmentCode: string; criterionCodes: string[] }>;
}

/**
 * What the actor may do on the dossier now: the commands the authorization table allows on its
 * scope and its current stage takes. Appraisals are listed per department and criterion.
 */
export function availableCommands(actor: Actor, scope: DossierScope, stage: { code: string; kind: StageKind | null }): AvailableCommands {
  const appraisals = scope.appraisers
    .map((a) => ({
      departmentCode: a.departmentCode,
      criterionCodes: a.criterionCodes.filter((criterionCode) => authorize(actor, 'appraisal.record', { kind: 'dossier', scope, departmentCode: a.departmentCode, criterionCode }).allowed),
    }))
    .filter((a) => a.criterionCodes.length > 0);
  const allowed = dossierCommands.filter((command) => {
    if (!stageAllows(command, stage)) return false;
    if (command === 'appraisal.record') return appraisals.length > 0;
    return authorize(actor, command, { kind: 'dossier', scope }).allowed;
  });
  return { commands: allowed, appraisals: allowed.includes('appraisal.record') ? appraisals : [] };
}
