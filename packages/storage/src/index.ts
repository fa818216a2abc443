export * from './storage.js';
export * from './keys.js';
