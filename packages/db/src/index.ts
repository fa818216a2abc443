export { createPrismaClient, poolOf, type Db } from './client.js';
export { preparedStatement, queryPrepared, type PreparedStatement } from './prepared.js';
export { applyMigrations, migrationsDir } from './migrate.js';
export { appendAudit, withAudit, auditHash, canonicalJson, readAuditTrail, verifyAuditChain, GENESIS_HASH, type AuditChainVerification, type AuditEntry, type AuditHashInput, type AuditTrailRow } from './audit.js';
export * from './generated/prisma/client.js';
export { createScratchDatabase, withDatabase, type ScratchDatabase } from './scratch.js';
