export * from './dossier-access.js';
