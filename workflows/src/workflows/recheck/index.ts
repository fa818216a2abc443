import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { recheckStateQuery, type RecheckState, type RecheckWorkflowInput } from '@ntm/contracts';
import { registerRecheckAppraisal } from './appraisal.js';
import { activities, createRecheckContext, emptyRecheckState } from './context.js';
import { watchRecheckDeadlines } from './deadlines.js';
import { openOnceAssigned } from './opening.js';
import { openReassessmentPeriod } from './reassessment-deadline.js';
import { registerReassessment } from './reassessment.js';
import { registerRemediation } from './remediation.js';
import { registerRevocationDecision } from './revocation.js';

/**
 * The yearly re-check of one recognised unit, started by its province's campaign: the unit
 * re-assesses the criteria its recognition was judged against, the departments re-appraise them
 * (the recognition's appraisal machinery), and the maintenance test decides: maintained; at risk,
 * remediated and re-appraised; or revocation proposed, which the deciding level revokes or keeps.
 * People's commands arrive as updates, checked in their validators and again in order.
 */
export async function recheckWorkflow(input: RecheckWorkflowInput): Promise<RecheckState> {
  // Re-checks started while this workflow only held the unit's place keep doing so.
  if (!patched('recheck-process')) {
    const state = emptyRecheckState();
    setHandler(recheckStateQuery, () => state);
    await condition(() => state.outcome !== null);
    return state;
  }
  const ctx = createRecheckContext(input);
  setHandler(recheckStateQuery, () => ctx.state);
  registerReassessment(ctx);
  registerRecheckAppraisal(ctx);
  registerRemediation(ctx);
  registerRevocationDecision(ctx);
  // Re-checks started before a blocked one waited for the assignments fail when a criterion has no department.
  ctx.opened(patched('recheck-blocked-until-assigned') ? await openOnceAssigned(ctx) : await activities.openRecheck(input));
  // Re-checks opened before the unit was reminded of its own deadline go on without.
  if (patched('reassessment-reminders')) openReassessmentPeriod(ctx);
  await watchRecheckDeadlines(ctx);
  await condition(allHandlersFinished);
  return ctx.state;
}
