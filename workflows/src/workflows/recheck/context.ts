import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import { dossierFailureTypes, searchAttributeKeys, type RecheckPlan, type RecheckState, type RecheckWorkflowInput, type Sender } from '@ntm/contracts';
import { RecheckStage, StageKind, authorize, dossierScopeOf, isRole, recheckStageNames, type Command, type DossierScope, type Grant, type RecheckStage as Stage } from '@ntm/domain';
import type { Activities } from '../../activities/index.js';
import { commandQueue } from '../appraisal/commands.js';
import { failure } from '../appraisal/tasks.js';

export const activities = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 20 } });

export const emptyRecheckState = (): RecheckState => ({
  stage: RecheckStage.selfAssessment,
  outcome: null,
  recheckId: null,
  round: 0,
  tasks: [],
  reassessed: {},
  supplementation: [],
  results: {},
  assessment: null,
  reassessment: null,
  remediation: null,
});

/** What the re-check's step modules share: the input, the plan once opened, the state, the scope and the checks. */
export function createRecheckContext(input: RecheckWorkflowInput) {
  const state = emptyRecheckState();
  let plan: RecheckPlan | null = null;
  let scope: DossierScope | null = null;
  /** The instant the latest command was received at (workflow time before any): its steps are dated by it. */
  let lastCommandAt: number | null = null;
  const notOpen = () =>
    state.stage === RecheckStage.blocked
      ? failure(dossierFailureTypes.wrongStage, `Lượt rà soát chưa mở được: tỉnh chưa phân công sở/phòng thẩm định lại các tiêu chí ${(state.unassigned ?? []).join(', ')}.`)
      : failure(dossierFailureTypes.wrongStage, 'Lượt rà soát đang được mở; hãy gửi lại sau ít phút.');
  return {
    input,
    state,
    /** People's commands run one after another, each checked again when its turn comes. */
    handleCommand: commandQueue(true),
    opened(opened: RecheckPlan) {
      plan = opened;
      state.recheckId = opened.recheckId;
      scope = dossierScopeOf({ unitChain: opened.unitChain, unitLevel: opened.unitLevel, stages: opened.stages, appraisers: opened.appraisers });
    },
    get plan(): RecheckPlan {
      if (plan === null) throw notOpen();
      return plan;
    },
    get recheckId(): string {
      return this.plan.recheckId;
    },
    commandReceived(command: Sender) {
      lastCommandAt = command.receivedAt === undefined ? Date.now() : Date.parse(command.receivedAt);
    },
    now: () => lastCommandAt ?? Date.now(),
    moveTo(stage: Stage, outcome: string | null = state.outcome) {
      state.stage = stage;
      state.outcome = outcome;
      upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: stage }, ...(outcome === null ? [] : [{ key: searchAttributeKeys.outcome, value: outcome }])]);
    },
    /** The workflow checks the sender itself, from the one authorization table, on the re-check's scope. */
    requireAllowed(sender: Sender, command: Command, assignment: { departmentCode?: string; criterionCode?: string } = {}) {
      if (scope === null) throw notOpen();
      const grants = sender.grants.filter((g): g is Grant => isRole(g.role));
      const decision = authorize({ id: sender.actor, grants }, command, { kind: 'dossier', scope, ...assignment });
      if (!decision.allowed) throw failure(decision.reason === 'not_assigned' ? dossierFailureTypes.notAssigned : dossierFailureTypes.forbidden, decision.message);
    },
    requireStage(stage: Stage) {
      if (state.stage !== stage) {
        throw failure(dossierFailureTypes.wrongStage, `Lượt rà soát đang ở bước "${recheckStageNames[state.stage as Stage] ?? state.stage}"; lệnh này chỉ thực hiện được ở bước "${recheckStageNames[stage]}".`);
      }
    },
    /** The level that decides the track, where escalations go (the province; the district for a village). */
    decidingLevel(): string {
      return this.plan.stages.find((s) => s.kind === StageKind.decision)?.decidingLevel ?? 'province';
    },
    requireCriterion(code: string) {
      if (!this.plan.criteria.some((c) => c.code === code)) throw failure(dossierFailureTypes.unknownCriterion, `Bộ tiêu chí của lượt rà soát không có tiêu chí "${code}".`);
    },
  };
}

export type RecheckContext = ReturnType<typeof createRecheckContext>;
