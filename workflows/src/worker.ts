import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Config } from '@ntm/config';
import { createActivities, type ActivityDeps } from './activities/index.js';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Builds the worker. In production pass a prebuilt `workflowBundle` (NTM_WORKFLOW_BUNDLE);
 * otherwise the workflows are bundled at start, which takes a few seconds.
 */
export async function createWorker(
  config: Config,
  deps: ActivityDeps,
  options: Partial<WorkerOptions> & { connection?: NativeConnection } = {},
): Promise<Worker> {
  const connection = options.connection ?? (await NativeConnection.connect({ address: config.temporal.address }));
  const bundlePath = process.env.NTM_WORKFLOW_BUNDLE;
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: createActivities(deps),
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath }),
    ...options,
  });
}
