import { patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import { dossierFailureTypes, searchAttributeKeys, SystemStage, type DossierWorkflowInput, type StageKind, type DossierWorkflowState, type Sender } from '@ntm/contracts';
import { commandQueue } from '../appraisal/commands.js';
import { failure } from '../appraisal/tasks.js';
import { authorize, commandStageKind, dossierScopeOf, followedStages, isRole, type Command, type DossierCommand, type DossierScope, type Grant } from '@ntm/domain';
import type { Activities } from '../../activities/index.js';

const remoteActivities = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 20 } });
const localActivities = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 20 } });

/**
 * The dossier's short database writes (one transaction each) run as local activities: in the
 * worker, inside the workflow task that runs the command, instead of a round trip through the
 * Temporal server for an activity task and another workflow task. The histories of commands showed
 * those two waits as most of a command's time. Their results are recorded in the history when the
 * workflow task completes; a crash before then runs the task, and so the write, again, and every
 * write is idempotent (keyed by dossier and command id). Longer work (storage holds, the decision
 * PDF, publishing) stays in ordinary activities.
 */
const localWrites: ReadonlySet<string> = new Set<keyof Activities>([
  'saveSelfAssessment', 'attachDocument', 'recordStageChange', 'recordCondition', 'recordDossierEvent', 'openAppraisalTasks', 'saveAppraisalVerdict', 'closeAppraisalTask',
]);

/** The activities as the dossier workflow calls them; histories recorded before local writes replay with ordinary activities. */
export const activities: typeof remoteActivities = new Proxy(remoteActivities, {
  get(remote, name, receiver) {
    if (typeof name === 'string' && localWrites.has(name) && patched('local-activity-writes')) return Reflect.get(localActivities, name, receiver) as unknown;
    return Reflect.get(remote, name, receiver) as unknown;
  },
});

export const openingStage = SystemStage.opening;
export const rejectedStage = SystemStage.rejected;


/** What every stage module of the dossier workflow shares: the input, the state and stage moves. */
export function createContext(input: DossierWorkflowInput, resume?: DossierWorkflowState) {
  const state: DossierWorkflowState = resume ?? {
    dossierId: input.dossierId,
    stage: openingStage,
    selfAssessed: {},
    documents: {},
    round: 0,
    tasks: [],
    supplementation: [],
    postingStartedOn: null,
    postingElapsed: false,
    satisfactionPercent: null,
    attestations: {},
  };
  const stageOf = (kind: StageKind) => input.stages.find((s) => s.kind === kind);
  const stageName = (code: string) => input.stages.find((s) => s.code === code)?.name ?? code;
  const scope: DossierScope = dossierScopeOf(input);
  // Runs recorded before commands were ordered replay as they ran.
  const handleCommand = commandQueue(patched('commands-in-order'));

  return {
    input,
    state,
    stageOf,
    kindOf: (code: string) => input.stages.find((s) => s.code === code)?.kind,
    moveTo(stage: string) {
      state.stage = stage;
      upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: stage }]);
    },
    /** The stage after `code` in the track's order; a district stage is skipped in the two-tier chain. */
    stageAfter(code: string): string {
      const index = input.stages.findIndex((s) => s.code === code);
      const followed = new Set(followedStages(input.stages, input.hasDistrictStage));
      const next = input.stages.slice(index + 1).find((s) => followed.has(s));
      return next?.code ?? rejectedStage;
    },
    /** A person's command: `validate` refuses it on arrival and again when its turn comes; commands run in order. */
    handleCommand,
    /** The workflow checks the sender itself: it never relies on the HTTP layer alone. */
    requireAllowed(sender: Sender, command: Command, assignment: { departmentCode?: string; criterionCode?: string } = {}) {
      const grants = sender.grants.filter((g): g is Grant => isRole(g.role));
      const decision = authorize({ id: sender.actor, grants }, command, { kind: 'dossier', scope, ...assignment });
      if (!decision.allowed) {
        throw failure(decision.reason === 'not_assigned' ? dossierFailureTypes.notAssigned : dossierFailureTypes.forbidden, decision.message);
      }
    },
    /** The command's stage, from the one table in the domain (commandStageKind). */
    requireStageFor(command: DossierCommand) {
      const kind = commandStageKind[command];
      if (kind !== 'any' && kind !== 'recognised') this.requireStageKind(kind);
    },
    requireStageKind(kind: StageKind) {
      if (state.stage !== stageOf(kind)?.code) {
        throw failure(dossierFailureTypes.wrongStage, `Hồ sơ đang ở bước "${stageName(state.stage)}"; lệnh này chỉ thực hiện được ở bước "${stageName(stageOf(kind)?.code ?? '')}".`);
      }
    },
  };
}

export type DossierContext = ReturnType<typeof createContext>;

/** The instant a command was received by the API (workflow time for commands sent before it said). */
export const commandTime = (command: Sender): number => (command.receivedAt === undefined ? Date.now() : Date.parse(command.receivedAt));

export { failure } from '../appraisal/tasks.js';

export { senderOf, systemSender } from '@ntm/contracts';
