import { sleep } from '@temporalio/workflow';
import type { RecheckPlan } from '@ntm/contracts';
import { RecheckStage } from '@ntm/domain';
import { activities, type RecheckContext } from './context.js';

/** How long a blocked re-check waits before trying to open again. */
const retryEvery = '1 day';

/**
 * Opens the re-check, or, while the province has not assigned every criterion of its set to a
 * department, stands blocked (recorded by the activity, shown in the campaign view with the
 * criteria named) and tries again every day until the assignments are complete: never a failed
 * or stuck workflow.
 */
export async function openOnceAssigned(ctx: RecheckContext): Promise<RecheckPlan> {
  for (;;) {
    const opening = await activities.openRecheckOrBlock(ctx.input);
    if (opening.kind === 'opened') {
      if (ctx.state.stage === RecheckStage.blocked) ctx.moveTo(RecheckStage.selfAssessment);
      return opening.plan;
    }
    ctx.state.unassigned = opening.unassigned;
    if (ctx.state.stage !== RecheckStage.blocked) ctx.moveTo(RecheckStage.blocked);
    await sleep(retryEvery);
  }
}
