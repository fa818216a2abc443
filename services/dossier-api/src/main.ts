import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { serviceLogger } from '@ntm/http';
import { createStorage } from '@ntm/storage';
import { Client, Connection } from '@temporalio/client';
import { buildDossierApi } from './app.js';

const config = loadConfig();
const db = createPrismaClient(config.postgres.url);
const storage = createStorage(config.s3);
const temporal = Connection.lazy({ address: config.temporal.address });

const app = await buildDossierApi(
  {
    config,
    db,
    storage,
    temporal: new Client({ connection: temporal, namespace: config.temporal.namespace }),
    taskQueue: config.temporal.taskQueue,
    probes: [
      { name: 'postgres', check: () => db.$queryRaw`SELECT 1` },
      { name: 'temporal', check: () => temporal.withDeadline(Date.now() + 2000, () => temporal.workflowService.getSystemInfo({})) },
      { name: 'minio', check: () => storage.ping() },
    ],
  },
  { logger: serviceLogger(config.logLevel) },
);

const shutdown = async () => {
  await app.close();
  await Promise.allSettled([db.$disconnect(), temporal.close()]);
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ host: config.host, port: config.dossierApi.port });
