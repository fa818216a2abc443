import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierApi } from '@ntm/infra/apps';
import { stackPaths } from '@ntm/infra/paths';
import { testConfig } from '@ntm/testing';

const config = testConfig();
const ctx = { config, paths: stackPaths(config), progress: () => undefined };
const base = `http://${config.host}:${config.dossierApi.port}`;

describe('dossier-api as a running process against the real stack', () => {
  beforeAll(() => dossierApi.start(ctx));
  afterAll(() => dossierApi.stop(ctx));

  it('reports PostgreSQL, Temporal and MinIO up on /health', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'up',
      service: 'dossier-api',
      components: { postgres: { status: 'up' }, temporal: { status: 'up' }, minio: { status: 'up' } },
    });
  });

  it('serves OpenAPI JSON generated from the zod schemas, every route with an operationId, and the docs UI', async () => {
    const spec = (await (await fetch(`${base}/docs/json`)).json()) as { openapi: string; paths: Record<string, Record<string, { operationId?: string }>> };
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.values(spec.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((o) => !o.operationId)).toEqual([]);
    const ui = await fetch(`${base}/docs`, { redirect: 'follow' });
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('answers an unknown path with problem+json', async () => {
    const res = await fetch(`${base}/ho-so/khong-co`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
