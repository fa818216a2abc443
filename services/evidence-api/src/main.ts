import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { buildEvidenceApi } from './app.js';

const config = loadConfig();
const db = createPrismaClient(config.postgres.url);
const storage = createStorage(config.s3);

const app = await buildEvidenceApi(
  {
    config,
    db,
    storage,
    probes: [
      { name: 'postgres', check: () => db.$queryRaw`SELECT 1` },
      { name: 'minio', check: () => storage.ping() },
    ],
  },
  { logger: { level: config.logLevel } },
);

const shutdown = async () => {
  await app.close();
  await db.$disconnect();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ host: config.host, port: config.evidenceApi.port });
