import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Config } from '@ntm/config';
import { createActivities, type ActivityDeps } from './activities/index.js';
import { cachedWorkflowBundle } from './workflow-bundle.js';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Builds the worker. In production pass a prebuilt `workflowBundle` (NTM_WORKFLOW_BUNDLE);
 * otherwise the workflows are bundled once per change of their sources and the bundle cached
 * (workflow-bundle.ts), so a restarted worker does not spend seconds in webpack.
 */
export async function createWorker(
  config: Config,
  deps: ActivityDeps,
  options: Partial<WorkerOptions> & { connection?: NativeConnection } = {},
): Promise<Worker> {
  const connection = options.connection ?? (await NativeConnection.connect({ address: config.temporal.address }));
  const bundlePath = process.env.NTM_WORKFLOW_BUNDLE ?? (await cachedWorkflowBundle()).codePath;
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: createActivities(deps),
    workflowBundle: { codePath: bundlePath },
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
    ...options,
  });
}
