import multipart from '@fastify/multipart';
import type { FastifyServerOptions } from 'fastify';
import type { Db } from '@ntm/db';
import { createHttpApp, healthRoutes, registerOpenApi, type HealthProbe } from '@ntm/http';
import type { Storage } from '@ntm/storage';
import { evidenceRoutes } from './routes.js';
import type { UploadLimits } from './upload.js';

export interface EvidenceApiDeps {
  db: Db;
  storage: Storage;
  limits: UploadLimits;
  probes: HealthProbe[];
}

export async function buildEvidenceApi(deps: EvidenceApiDeps, options: FastifyServerOptions = {}) {
  const app = createHttpApp(options);
  // Files are streamed, never buffered whole; this caps the whole request including the file.
  await app.register(multipart, { limits: { fileSize: deps.limits.maxBytes, files: 1, fields: 5 } });
  await registerOpenApi(app, {
    title: 'NTM evidence API',
    version: '0.1.0',
    description: 'Minh chứng của hồ sơ nông thôn mới: tải lên, tải về, liệt kê; bất biến sau khi nộp.',
  });
  await app.register(healthRoutes('evidence-api', deps.probes));
  await app.register(evidenceRoutes(deps));
  return app;
}
