import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@ntm/config';
import { createPrismaClient } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { buildDossierApi } from './app.js';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }>;
}

const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const commandIds = ['recordSelfAssessment', 'attachDocument', 'recordPublicPosting', 'recordSatisfaction', 'recordAttestation', 'submitDossier', 'recordAppraisal', 'confirmOrReturnDossier', 'decideDossier'];

describe("the dossier API's OpenAPI document", () => {
  // Nothing is reached while the document is built: the database and Temporal are never called.
  const config = loadConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'ntm-openapi-')), 'key.pem') });
  const db = createPrismaClient('postgresql://ntm:unused@127.0.0.1:1/unused');
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  let operations: Array<[string, Operation]>;
  let app: Awaited<ReturnType<typeof buildDossierApi>>;

  beforeAll(async () => {
    app = await buildDossierApi({ config, db, storage: createStorage(config.s3), temporal: new Client({ connection }), taskQueue: 'unused', probes: [] }, { logger: false });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]));
  });
  afterAll(async () => {
    await app.close();
    await connection.close();
    await db.$disconnect();
  });

  it('describes every operation in Vietnamese: summary and description', () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const [name, op] of operations) {
      expect(op.summary, name).toMatch(vietnamese);
      expect(op.description, name).toMatch(vietnamese);
    }
  });

  it('declares 400 wherever an operation takes parameters or a body, 413 and 415 with a body, 401 unless public, 503 everywhere', () => {
    for (const [name, op] of operations) {
      const statuses = Object.keys(op.responses);
      if ((op.parameters?.length ?? 0) > 0 || op.requestBody) expect(statuses, name).toContain('400');
      if (op.requestBody) expect(statuses, name).toEqual(expect.arrayContaining(['413', '415']));
      if (!(Array.isArray(op.security) && op.security.length === 0)) expect(statuses, name).toContain('401');
      expect(statuses, name).toContain('503');
    }
  });

  it('gives every parameter and body a schema that says what it takes: no empty schema, every integer bounded (the database holds it)', () => {
    // Found by the fuzzer: ?year=-9007199254740991 overflowed PostgreSQL's integer (500), `after` and the catalog import took anything.
    for (const [name, op] of operations) {
      const params = (op.parameters ?? []) as Array<{ name: string; schema: Record<string, unknown> }>;
      for (const p of params) {
        expect(Object.keys(p.schema).filter((k) => k !== 'description' && k !== 'default'), `${name} ${p.name}`).not.toEqual([]);
        if (p.schema.type === 'integer') expect(p.schema, `${name} ${p.name}`).toMatchObject({ minimum: expect.any(Number), maximum: expect.any(Number) });
      }
      const body = (op.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)?.content;
      for (const [type, media] of Object.entries(body ?? {})) expect(Object.keys(media.schema ?? {}), `${name} ${type}`).not.toEqual([]);
    }
    const year = (operations.find(([n]) => n === 'GET /dossiers')?.[1].parameters as Array<{ name: string; schema: unknown }>).find((p) => p.name === 'year');
    expect(year?.schema).toMatchObject({ minimum: 2021, maximum: 2100 });
  });

  it('declares what a dossier command can answer: refused, unknown, wrong stage or reused id, not yet possible', () => {
    const byId = new Map(operations.map(([, op]) => [op.operationId, op]));
    for (const id of commandIds) expect(Object.keys(byId.get(id)?.responses ?? {}), id).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415', '422', '503']));
  });

  it('documents every error answer as application/problem+json with the Problem schema and an example', () => {
    for (const [name, op] of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || name === 'GET /health') continue;
        const problem = response.content?.['application/problem+json'];
        expect(problem?.schema?.$ref, `${name} ${status}`).toBe('#/components/schemas/Problem');
        expect(problem?.example, `${name} ${status}`).toMatchObject({ status: Number(status), title: expect.stringMatching(vietnamese) });
        expect(response.description, `${name} ${status}`).toMatch(vietnamese);
      }
    }
  });
});
