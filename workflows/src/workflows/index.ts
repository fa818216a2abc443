// The worker bundles this file: it may import only @temporalio/workflow, activity types,
// @ntm/domain and @ntm/contracts (enforced by lint).
export { pingWorkflow } from './ping.js';
export { dossierWorkflow } from './dossier/index.js';
export { recheckCampaignWorkflow } from './campaign/index.js';
export { recheckWorkflow } from './recheck/index.js';
