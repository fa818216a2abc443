export { createWorker, workflowsPath } from './worker.js';
export { createActivities, type Activities, type ActivityDeps } from './activities/index.js';
