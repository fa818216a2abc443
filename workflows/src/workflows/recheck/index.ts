import { condition, setHandler } from '@temporalio/workflow';
import { recheckStateQuery, type RecheckState, type RecheckWorkflowInput } from '@ntm/contracts';

/**
 * The yearly re-check of one recognised unit, started by its province's campaign. This first
 * version holds the unit's place in the campaign (stage self_assessment) until the re-assessment
 * and re-appraisal steps are added; the campaign view reads its row.
 */
export async function recheckWorkflow(_input: RecheckWorkflowInput): Promise<RecheckState> {
  const state: RecheckState = { stage: 'self_assessment', outcome: null };
  setHandler(recheckStateQuery, () => state);
  await condition(() => state.outcome !== null);
  return state;
}
