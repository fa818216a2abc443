export { createPrismaClient, type Db } from './client.js';
export { applyMigrations, migrationsDir } from './migrate.js';
export * from './generated/prisma/client.js';
export { createScratchDatabase, withDatabase, type ScratchDatabase } from './scratch.js';
