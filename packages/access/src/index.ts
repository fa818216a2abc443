export * from './dossier-access.js';
export * from './recheck-access.js';
