import type { FastifyServerOptions } from 'fastify';
import { createHttpApp, healthRoutes, registerOpenApi, type HealthProbe } from '@ntm/http';

export interface DossierApiDeps {
  probes: HealthProbe[];
}

export async function buildDossierApi(deps: DossierApiDeps, options: FastifyServerOptions = {}) {
  const app = createHttpApp(options);
  await registerOpenApi(app, {
    title: 'NTM dossier API',
    version: '0.1.0',
    description: 'Hồ sơ đề nghị công nhận đạt chuẩn nông thôn mới: tự đánh giá, thẩm định, xác nhận, công nhận.',
  });
  await app.register(healthRoutes('dossier-api', deps.probes));
  return app;
}
