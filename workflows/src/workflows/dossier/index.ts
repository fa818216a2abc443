import { allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { dossierStateQuery, type DossierWorkflowInput, type DossierWorkflowState } from '@ntm/contracts';
import { registerAppraisal } from './appraisal.js';
import { registerConditions } from './conditions.js';
import { registerConfirmation } from './confirmation.js';
import { createContext } from './context.js';
import { registerDecision } from './decision.js';
import { watchDeadlines } from './deadlines.js';
import { registerSelfAssessment } from './self-assessment.js';

/**
 * One recognition dossier, driven by its track's stages from the catalog. People's commands
 * arrive as updates: each validator rejects a command that does not fit the dossier's stage
 * (or the sender's assignment) before it reaches history; each handler records the command
 * through an idempotent activity, then moves the state on.
 *
 * History stays bounded: when the server suggests it, the dossier continues as new with its
 * state, once no command is being handled. `resume` is that state, absent on the first run.
 */
export async function dossierWorkflow(input: DossierWorkflowInput, resume?: DossierWorkflowState): Promise<DossierWorkflowState> {
  const ctx = createContext(input, resume);
  // Runs recorded before continue-as-new existed replay without it.
  const mayContinueAsNew = patched('continue-as-new');
  const historyFull = () => mayContinueAsNew && workflowInfo().continueAsNewSuggested;
  let finished = false;
  setHandler(dossierStateQuery, () => ctx.state);
  registerSelfAssessment(ctx, () => (finished = true));
  registerConditions(ctx);
  registerAppraisal(ctx);
  registerConfirmation(ctx);
  registerDecision(ctx, () => (finished = true));

  // Dossiers started before deadline alarms existed keep waiting without timers.
  if (patched('appraisal-deadline-alarms')) await watchDeadlines(ctx, () => finished || historyFull());
  else await condition(() => finished);
  await condition(allHandlersFinished);
  if (!finished) await continueAsNew<typeof dossierWorkflow>(input, ctx.state);
  return ctx.state;
}
