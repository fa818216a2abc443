import multipart from '@fastify/multipart';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { createHttpApp, healthRoutes, registerOpenApi, registerSecurity, type HealthProbe } from '@ntm/http';
import { registerIdentity } from '@ntm/identity';
import type { Storage } from '@ntm/storage';
import { evidenceRoutes } from './routes.js';

export interface EvidenceApiDeps {
  config: Config;
  db: Db;
  storage: Storage;
  probes: HealthProbe[];
}

export async function buildEvidenceApi(deps: EvidenceApiDeps, options: FastifyServerOptions = {}) {
  const { config, db, storage } = deps;
  const { maxBytes, mediaTypes, uploadsPerMinute, uploadTimeouts } = config.evidenceApi;
  // Any request still arriving after an upload's own deadline is cut by the server (a bare 408).
  const app = createHttpApp({ requestTimeout: uploadTimeouts.totalMs + 60_000, ...options });
  // Files are streamed, never buffered whole; this caps the whole request including the file.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  await registerOpenApi(app, {
    title: 'NTM evidence API',
    version: '0.1.0',
    description: 'Minh chứng của hồ sơ nông thôn mới: tải lên, tải về, liệt kê; bất biến sau khi nộp.',
  });
  await registerSecurity(app, { corsOrigins: config.cors.origins });
  // Before the routes: every route below needs a bearer token unless it says it is public.
  await registerIdentity(app, { config, db });
  await app.register(healthRoutes('evidence-api', deps.probes));
  await app.register(evidenceRoutes({ db, storage, limits: { maxBytes, mediaTypes }, timeouts: uploadTimeouts, uploadsPerMinute }));
  return app;
}
