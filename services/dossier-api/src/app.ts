import type { FastifyServerOptions } from 'fastify';
import type { Db } from '@ntm/db';
import { createHttpApp, healthRoutes, registerOpenApi, type HealthProbe } from '@ntm/http';
import { catalogRoutes } from './catalog/catalog-routes.js';
import { unitRoutes } from './catalog/units-routes.js';
import { appraisalRoutes } from './dossiers/appraisal-routes.js';
import { decisionRoutes } from './dossiers/decision-routes.js';
import { publicRoutes } from './dossiers/public-routes.js';
import type { Storage } from '@ntm/storage';
import { dossierRoutes } from './dossiers/routes.js';
import type { Client } from '@temporalio/client';

export interface DossierApiDeps {
  db: Db;
  probes: HealthProbe[];
  temporal: Client;
  taskQueue: string;
  storage: Storage;
}

export async function buildDossierApi(deps: DossierApiDeps, options: FastifyServerOptions = {}) {
  const app = createHttpApp(options);
  await registerOpenApi(app, {
    title: 'NTM dossier API',
    version: '0.1.0',
    description: 'Hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới: tự đánh giá, thẩm định, xác nhận, công nhận.',
  });
  await app.register(healthRoutes('dossier-api', deps.probes));
  await app.register(unitRoutes(deps.db));
  await app.register(catalogRoutes(deps.db));
  await app.register(dossierRoutes(deps));
  await app.register(appraisalRoutes(deps));
  await app.register(decisionRoutes(deps));
  await app.register(publicRoutes(deps.db));
  return app;
}
