export * from './search-attributes.js';
export * from './problem.js';
export * from './health.js';
export * from './ping-workflow.js';
export * from './catalog-file.js';
export * from './catalog-api.js';
export * from './dossier.js';
export * from './dossier-messages.js';
