export * from './catalog.js';
export * from './criteria-set.js';
export * from './eligibility.js';
export * from './rollup.js';
export * from './revocation.js';
export * from './calendar.js';
export { IsoDate, formatVietnameseDate } from './iso-date.js';
export * from './submission.js';
export * from './process-control.js';
