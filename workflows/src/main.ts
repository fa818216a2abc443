import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { createWorker } from './worker.js';

const config = loadConfig();
const db = createPrismaClient(config.postgres.url);
const worker = await createWorker(config, { db, storage: createStorage(config.s3), publicBaseUrl: config.publicBaseUrl });

process.once('SIGTERM', () => worker.shutdown());
process.once('SIGINT', () => worker.shutdown());

await worker.run();
await db.$disconnect();
