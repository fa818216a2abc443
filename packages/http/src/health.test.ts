import { describe, expect, it } from 'vitest';
import { createHttpApp } from './app.js';
import { healthRoutes, type HealthProbe } from './health.js';

async function health(probes: HealthProbe[]) {
  const app = createHttpApp({ logger: false });
  await app.register(healthRoutes('test-service', probes));
  return app.inject({ method: 'GET', url: '/health' });
}

describe('GET /health', () => {
  it('is up when every probe answers', async () => {
    const res = await health([{ name: 'postgres', check: async () => 1 }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'up', service: 'test-service', components: { postgres: { status: 'up' } } });
  });

  it('is down with 503 and names the failing component and its error', async () => {
    const res = await health([
      { name: 'postgres', check: async () => 1 },
      { name: 'minio', check: () => Promise.reject(new Error('connect ECONNREFUSED')) },
    ]);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'down',
      components: { postgres: { status: 'up' }, minio: { status: 'down', error: 'connect ECONNREFUSED' } },
    });
  });

  it('runs the probes once for requests that arrive together, and again for a later one', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const app = createHttpApp({ logger: false });
    await app.register(healthRoutes('test-service', [{ name: 'postgres', check: () => (runs++, new Promise<void>((r) => (release = r))) }]));
    const together = [app.inject({ method: 'GET', url: '/health' }), app.inject({ method: 'GET', url: '/health' }), app.inject({ method: 'GET', url: '/health' })];
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect((await Promise.all(together)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(runs).toBe(1);
    const later = app.inject({ method: 'GET', url: '/health' });
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect((await later).statusCode).toBe(200);
    expect(runs).toBe(2);
  });

  it('reports a probe that never answers as down instead of hanging', async () => {
    const started = Date.now();
    const res = await health([{ name: 'temporal', check: () => new Promise(() => undefined) }]);
    expect(res.statusCode).toBe(503);
    expect(res.json<{ components: Record<string, { error: string }> }>().components.temporal?.error).toMatch(/no answer/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
