import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { searchAttributeKeys, type CampaignWorkflowInput, type CampaignWorkflowResult } from '@ntm/contracts';
import { vietnamDay } from '@ntm/domain';
import type { Activities } from '../../activities/index.js';

const { openCampaign } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', retry: { maximumInterval: '30 seconds' } });
// Each call starts a bounded page of re-checks at a bounded rate, heartbeating as it goes.
const { startRechecks } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '30 seconds', retry: { maximumInterval: '30 seconds' } });

const pageSize = 200;

/**
 * One year's re-check campaign of a province and track, started by the province's Schedule on the
 * calendar's opening day (or triggered, or run for a missed year). It opens the campaign once,
 * fixing the units recognised that day, then starts one re-check workflow per unit, paged and
 * rate-limited, so history stays small whatever the number of units.
 */
export async function recheckCampaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  const startDay = vietnamDay(workflowInfo().startTime);
  const year = input.year ?? Number(startDay.slice(0, 4));
  // A scheduled or triggered run covers the units recognised the day it starts; a missed year, those of its opening day.
  const asOf = input.year === undefined ? startDay : null;
  upsertSearchAttributes([
    { key: searchAttributeKeys.province, value: input.provinceCode },
    { key: searchAttributeKeys.track, value: input.trackCode },
    { key: searchAttributeKeys.year, value: year },
    { key: searchAttributeKeys.stage, value: 'starting_rechecks' },
  ]);
  const campaign = await openCampaign({ provinceCode: input.provinceCode, trackCode: input.trackCode, year, asOf });
  let started = 0;
  let alreadyRunning = 0;
  for (;;) {
    const page = await startRechecks({ campaignId: campaign.campaignId, limit: pageSize, idScope: input.idScope ?? '' });
    started += page.started;
    alreadyRunning += page.alreadyRunning;
    if (page.remaining === 0 || page.started + page.alreadyRunning === 0) break;
  }
  upsertSearchAttributes([{ key: searchAttributeKeys.stage, value: 'rechecks_started' }]);
  return { campaignId: campaign.campaignId, unitCount: campaign.unitCount, started, alreadyRunning };
}
