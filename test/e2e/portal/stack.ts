import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { seedCatalog } from '@ntm/catalog';
import { loadConfig, type Config } from '@ntm/config';
import { createPrismaClient, createScratchDatabase } from '@ntm/db';
import { buildDossierApi } from '@ntm/dossier-api';
import { buildEvidenceApi } from '@ntm/evidence-api';
import { seedLocalUsers } from '@ntm/identity';
import { portal } from '@ntm/infra/portal';
import { stackPaths } from '@ntm/infra/paths';
import { createStorage } from '@ntm/storage';
import { freePort } from '@ntm/testing';
import { createWorker } from '@ntm/workflows';

/**
 * What the portal's browser tests run against, on the real test stack (PostgreSQL, Temporal,
 * MinIO) yet apart from every other test: a scratch database with the seed catalog and the seeded
 * local users, a bucket and task queue of their own, both APIs listening on free ports, and the
 * portal process as `./dev` starts it (built, then started by its stack component).
 */
export async function startPortalStack(base: Config, options: { today: string }) {
  const scratch = await createScratchDatabase(base.postgres.url, { prefix: 'ntm_portal_e2e' });
  const db = createPrismaClient(scratch.url);
  await seedCatalog(db);
  const password = base.auth.localIssuer?.seedPassword ?? 'ntm-local-only';
  await seedLocalUsers(db, { password });
  const stateDir = mkdtempSync(join(tmpdir(), 'ntm-portal-e2e-'));
  const config = loadConfig({ ...process.env, NTM_PROFILE: 'test', NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: join(stateDir, 'auth', 'local-issuer.pem'), NTM_STATE_DIR: stateDir });

  const storage = createStorage({ ...config.s3, bucket: `ntm-test-${randomUUID().slice(0, 8)}` });
  await storage.ensureBucket();
  const taskQueue = `portal-e2e-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker(config, { db, storage, publicBaseUrl: 'http://ntm.test' }, { connection: nativeConnection, taskQueue });
  const running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  // Dossiers open on the scenario's day (its chain of approval holds from a date).
  const now = () => new Date(`${options.today}T03:00:00Z`);
  // Commands are received now unless a test dates them (due dates count from the day received).
  let receivedOn: string | null = null;
  const commandClock = () => (receivedOn === null ? new Date() : new Date(`${receivedOn}T03:00:00Z`));
  // Re-check campaigns' schedule and workflow ids carry the task queue: runs sharing the namespace stay apart.
  const dossierApp = await buildDossierApi({ config, db, storage, probes: [], temporal, taskQueue, now, commandClock, scheduleScope: taskQueue }, { logger: false });
  const evidenceApp = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
  const dossierApiUrl = await dossierApp.listen({ host: '127.0.0.1', port: 0 });
  const evidenceApiUrl = await evidenceApp.listen({ host: '127.0.0.1', port: 0 });

  // The portal process reads its configuration from the environment, as under ./dev.
  const portalPort = await freePort();
  Object.assign(process.env, { NTM_PORTAL_PORT: String(portalPort), NTM_PORTAL_DOSSIER_API_URL: dossierApiUrl, NTM_PORTAL_EVIDENCE_API_URL: evidenceApiUrl, NTM_LOG_LEVEL: 'warn' });
  const portalConfig = loadConfig({ ...process.env, NTM_PROFILE: 'test', NTM_STATE_DIR: stateDir });
  const ctx = { config: portalConfig, paths: stackPaths(portalConfig), progress: () => undefined };
  const started = performance.now();
  await portal.start(ctx);
  const buildAndStartSeconds = (performance.now() - started) / 1000;

  return {
    db,
    password,
    url: `http://127.0.0.1:${portalPort}`,
    dossierApiUrl,
    evidenceApiUrl,
    buildAndStartSeconds,
    /** Commands sent from now on are received on this day (ISO date, Vietnam); null: today. */
    receiveCommandsOn(day: string | null) {
      receivedOn = day;
    },
    logFile: ctx.paths.log('portal'),
    async close() {
      await portal.stop(ctx);
      await Promise.all([dossierApp.close(), evidenceApp.close()]);
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

export type PortalStack = Awaited<ReturnType<typeof startPortalStack>>;
