import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHttpApp } from './app.js';
import { HttpProblem } from './problems.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/units',
    { schema: { body: z.object({ code: z.string().regex(/^\d{5}$/), name: z.string().min(1) }) } },
    async (request) => ({ created: request.body.code }),
  );
  app.get('/boom', async () => {
    throw new Error('connection string postgresql://secret@db leaked');
  });
  app.get('/taken', async () => {
    throw new HttpProblem('conflict', 'Đã có hồ sơ đang mở cho xã này.');
  });
};

async function app() {
  const a = createHttpApp({ logger: false });
  await a.register(routes);
  return a;
}

describe('problem+json errors', () => {
  it('answers a body that fails validation with 400 and one entry per bad field', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/units', payload: { code: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ type: string; title: string; errors: Array<{ location: string }> }>();
    expect(body.type).toBe('urn:ntm:problem:validation');
    expect(body.title).toBe('Dữ liệu không hợp lệ');
    expect(body.errors.map((e) => e.location).sort()).toEqual(['body.code', 'body.name']);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/units', payload: '{"code":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('hides the internals of an unexpected error', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ type: 'urn:ntm:problem:internal', title: 'Lỗi hệ thống', status: 500 });
    expect(res.body).not.toContain('secret');
  });

  it('passes a domain problem through with its detail', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/taken' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:ntm:problem:conflict', detail: 'Đã có hồ sơ đang mở cho xã này.' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
