import { proxyActivities } from '@temporalio/workflow';
import type { PingInput, PingResult } from '@ntm/contracts';
import type { Activities } from '../activities/index.js';

const { recordPing } = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export async function pingWorkflow(input: PingInput): Promise<PingResult> {
  return recordPing(input);
}
