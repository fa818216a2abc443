import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { openApiGaps } from '@ntm/http';
import { createStorage } from '@ntm/storage';
import { buildEvidenceApi } from './app.js';

describe("the evidence API's OpenAPI document", () => {
  // Nothing is reached while the document is built: the database and the store are never called.
  const config = loadConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'ntm-openapi-')), 'key.pem') });
  const db = createPrismaClient('postgresql://ntm:unused@127.0.0.1:1/unused');
  let app: Awaited<ReturnType<typeof buildEvidenceApi>>;
  let document: Parameters<typeof openApiGaps>[0];

  beforeAll(async () => {
    app = await buildEvidenceApi({ config, db, storage: createStorage(config.s3), probes: [] }, { logger: false });
    document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
  });

  it('documents every operation: summary, description, every status it can answer, its limits and an example of what to send', () => {
    expect(Object.keys(document.paths ?? {}).length).toBeGreaterThan(5);
    expect(openApiGaps(document)).toEqual([]);
  });
});
