import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { buildDossierApi } from '@ntm/dossier-api';
import { buildEvidenceApi } from '@ntm/evidence-api';
import { createStorage } from '@ntm/storage';

/**
 * The OpenAPI documents the two APIs serve at /docs/json, built in this process: nothing is
 * reached (no database, Temporal or store), so the client can be generated on any machine.
 */
export async function servedOpenApiDocuments(): Promise<{ dossier: object; evidence: object }> {
  const config = loadConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'ntm-portal-openapi-')), 'key.pem'), NTM_LOG_LEVEL: 'silent' });
  const db = createPrismaClient('postgresql://ntm:unused@127.0.0.1:1/unused');
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const storage = createStorage(config.s3);
  const dossierApp = await buildDossierApi({ config, db, storage, temporal: new Client({ connection }), taskQueue: 'unused', probes: [] }, { logger: false });
  const evidenceApp = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
  try {
    const dossier = (await dossierApp.inject({ method: 'GET', url: '/docs/json' })).json<object>();
    const evidence = (await evidenceApp.inject({ method: 'GET', url: '/docs/json' })).json<object>();
    return { dossier, evidence };
  } finally {
    await Promise.all([dossierApp.close(), evidenceApp.close()]);
    await connection.close();
    await db.$disconnect();
  }
}
