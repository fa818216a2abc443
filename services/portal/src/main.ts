import { loadConfig } from '@ntm/config';
import { buildPortal } from './app.js';

const config = loadConfig();
const app = await buildPortal({ config }, { logger: { level: config.logLevel } });

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ host: config.host, port: config.portal.port });
