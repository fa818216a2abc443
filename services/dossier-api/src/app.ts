import type { FastifyServerOptions } from 'fastify';
import type { Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { createHttpApp, healthRoutes, registerOpenApi, registerSecurity, type HealthProbe } from '@ntm/http';
import { registerIdentity } from '@ntm/identity';
import { catalogRoutes } from './catalog/catalog-routes.js';
import { unitRoutes } from './catalog/units-routes.js';
import { mergerRoutes } from './catalog/merger-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { usersRoutes } from './users/users-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { statusRecordRoutes } from './reports/status-record-routes.js';
import { appraisalRoutes } from './dossiers/appraisal-routes.js';
import { decisionRoutes } from './dossiers/decision-routes.js';
import { dossierNowRoutes } from './dossiers/now-routes.js';
import { publicRoutes } from './dossiers/public-routes.js';
import { recognitionRoutes } from './recognitions/recognition-routes.js';
import { campaignRoutes, syncCampaignSchedules } from './campaigns/campaign-routes.js';
import { recheckRoutes } from './rechecks/recheck-routes.js';
import { recheckTaskRoutes } from './rechecks/recheck-tasks.js';
import { unitRecheckRoutes } from './rechecks/unit-rechecks.js';
import type { Storage } from '@ntm/storage';
import { dossierRoutes } from './dossiers/routes.js';
import type { Client } from '@temporalio/client';

export interface DossierApiDeps {
  config: Config;
  db: Db;
  probes: HealthProbe[];
  temporal: Client;
  taskQueue: string;
  storage: Storage;
  /** The clock dossiers are opened by (their chain of approval holds from a date); the system clock by default. */
  now?: () => Date;
  /** The clock commands are received by (the workflow dates what they do from it); the system clock by default. */
  commandClock?: () => Date;
  /** How long a command may wait for the dossier's workflow before a 503 (default 15 s). */
  commandTimeoutMs?: number;
  /** Added to re-check campaign schedule ids so test runs sharing a Temporal namespace stay apart; empty in production. */
  scheduleScope?: string;
}

export async function buildDossierApi(deps: DossierApiDeps, options: FastifyServerOptions = {}) {
  const app = createHttpApp(options);
  await registerOpenApi(app, {
    title: 'NTM dossier API',
    version: '0.1.0',
    description: 'Hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới: tự đánh giá, thẩm định, xác nhận, công nhận.',
  });
  await registerSecurity(app, { corsOrigins: deps.config.cors.origins });
  // Before the routes: every route below needs a bearer token unless it says it is public.
  await registerIdentity(app, { config: deps.config, db: deps.db });
  await app.register(healthRoutes('dossier-api', deps.probes));
  await app.register(unitRoutes(deps.db));
  await app.register(catalogRoutes(deps.db, (province) => syncCampaignSchedules(deps.db, { temporal: deps.temporal, taskQueue: deps.taskQueue, scope: deps.scheduleScope ?? '' }, province)));
  await app.register(mergerRoutes(deps.db));
  await app.register(dossierRoutes(deps));
  await app.register(appraisalRoutes(deps));
  await app.register(decisionRoutes({ ...deps, publicBaseUrl: deps.config.publicBaseUrl }));
  await app.register(dossierNowRoutes(deps.db, deps.now));
  await app.register(publicRoutes(deps.db));
  await app.register(recognitionRoutes({ db: deps.db, storage: deps.storage, now: deps.now, maxPdfBytes: deps.config.evidenceApi.maxBytes }));
  await app.register(campaignRoutes(deps));
  await app.register(recheckRoutes(deps));
  await app.register(recheckTaskRoutes(deps.db));
  await app.register(unitRecheckRoutes(deps.db));
  await app.register(auditRoutes(deps.db));
  await app.register(usersRoutes(deps));
  await app.register(reportRoutes(deps.db));
  await app.register(statusRecordRoutes(deps));
  return app;
}
