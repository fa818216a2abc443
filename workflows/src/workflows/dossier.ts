import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  attachDocumentUpdate, dossierFailureTypes, dossierStateQuery, openDossierUpdate, recordSelfAssessmentUpdate,
  searchAttributeKeys, submitDossierUpdate, type AttachDocumentCommand, type DossierWorkflowInput, type DossierWorkflowState,
  type SelfAssessmentCommand,
} from '@ntm/contracts';
import { missingForSubmission } from '@ntm/domain';
import type { Activities } from '../activities/index.js';

const activities = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 20 } });

const opening = 'OPENING';
const rejected = 'REJECTED';

/**
 * One recognition dossier, from opening to its outcome. People's commands arrive as updates:
 * each validator rejects a command that does not fit the dossier's stage before it reaches
 * history, and each handler records the command through an activity, then changes the state.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<DossierWorkflowState> {
  const state: DossierWorkflowState = { dossierId: input.dossierId, stage: opening, selfAssessed: {}, documents: {} };
  const [firstStage, secondStage] = input.stages;
  const stageName = (code: string) => input.stages.find((s) => s.code === code)?.name ?? code;
  let finished = false;

  const moveTo = (stage: string) => {
    state.stage = stage;
    upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: stage }]);
  };
  const requireStage = (expected: string | undefined) => {
    if (state.stage !== expected) {
      throw ApplicationFailure.create({
        type: dossierFailureTypes.wrongStage,
        message: `Hồ sơ đang ở bước "${stageName(state.stage)}"; lệnh này chỉ thực hiện được ở bước "${stageName(expected ?? '')}".`,
        nonRetryable: true,
      });
    }
  };

  setHandler(dossierStateQuery, () => state);

  setHandler(openDossierUpdate, async () => {
    if (state.stage === opening) {
      try {
        await activities.createDossierRecord(input);
      } catch (e) {
        finished = true;
        state.stage = rejected;
        throw e instanceof ActivityFailure && e.cause instanceof ApplicationFailure ? e.cause : e;
      }
      moveTo(firstStage?.code ?? opening);
    }
    return { dossierId: input.dossierId, trackingCode: input.trackingCode };
  });

  setHandler(
    recordSelfAssessmentUpdate,
    async (command) => {
      await activities.saveSelfAssessment(input.dossierId, command);
      state.selfAssessed[command.criterionCode] = command.met;
      return { criterionCode: command.criterionCode };
    },
    {
      validator: (command: SelfAssessmentCommand) => {
        requireStage(firstStage?.code);
        if (!input.requiredCriteria.some((c) => c.code === command.criterionCode)) {
          throw ApplicationFailure.create({ type: dossierFailureTypes.unknownCriterion, message: `Bộ tiêu chí của hồ sơ không có tiêu chí "${command.criterionCode}".`, nonRetryable: true });
        }
      },
    },
  );

  setHandler(
    attachDocumentUpdate,
    async (command) => {
      await activities.attachDocument(input.dossierId, command);
      state.documents[command.documentCode] = command.evidenceId;
      return { documentCode: command.documentCode };
    },
    {
      validator: (command: AttachDocumentCommand) => {
        requireStage(firstStage?.code);
        if (!input.requiredDocuments.some((d) => d.code === command.documentCode)) {
          throw ApplicationFailure.create({ type: dossierFailureTypes.unknownDocument, message: `Loại hồ sơ này không yêu cầu tài liệu "${command.documentCode}".`, nonRetryable: true });
        }
      },
    },
  );

  setHandler(
    submitDossierUpdate,
    async (command) => {
      const next = secondStage?.code ?? rejected;
      // Leave the self-assessment stage before awaiting, so no other command slips in meanwhile.
      moveTo(next);
      await activities.recordSubmission(input.dossierId, command, next);
      return { stage: next };
    },
    {
      validator: (_command) => {
        requireStage(firstStage?.code);
        const missing = missingForSubmission({ ...input, selfAssessed: state.selfAssessed, documents: state.documents });
        if (missing.length > 0) {
          throw ApplicationFailure.create({ type: dossierFailureTypes.incomplete, message: 'Hồ sơ chưa đủ điều kiện để nộp.', details: [missing], nonRetryable: true });
        }
      },
    },
  );

  // Appraisal, confirmation and the decision come in the next slices; until then a submitted
  // dossier waits here, its state readable through the query.
  await condition(() => finished);
  await condition(allHandlersFinished);
  return state;
}
