export * from './app.js';
export * from './problems.js';
export * from './openapi.js';
export * from './health.js';
export * from './security.js';
export { isDependencyUnavailable } from './unavailable.js';
export { vietnameseIssueMessage } from './zod-messages.js';
export { openApiGaps, vietnameseText } from './openapi-gaps.js';
export { serviceLogger } from './logger.js';
