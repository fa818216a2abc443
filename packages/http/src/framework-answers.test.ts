import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHttpApp } from './app.js';
import { documentNoNul, nulMessage } from './no-nul.js';
import { unknownFieldMessage } from './zod-messages.js';
import { registerOpenApi } from './openapi.js';

// What the fuzzer (test/fuzz) found answered as a 500, in English or as a 404, each answered here.
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/units', { schema: { querystring: z.object({ q: z.string().max(100).optional() }) } }, async (request) => ({ q: request.query.q ?? null }));
  app.get('/units/:code', { schema: { params: z.object({ code: z.string().max(64) }) } }, async (request) => ({ code: request.params.code }));
  app.put('/units/:code', { schema: { params: z.object({ code: z.string().max(64) }), body: z.strictObject({ name: z.string(), tags: z.array(z.string()) }) } }, async (request) => request.body);
};

async function app() {
  const a = createHttpApp({ logger: false });
  await registerOpenApi(a, { title: 't', version: '0', description: 'd' });
  await a.register(routes);
  return a;
}

const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json<{ type: string; title: string; status: number; detail: string; errors?: Array<{ location: string; message: string }> }>();
};

describe('answers the framework gives before or around a route', () => {
  it('refuses a NUL byte in a query string, a path parameter or a body with a 400 naming the field (PostgreSQL cannot store it)', async () => {
    const a = await app();
    const query = await a.inject({ method: 'GET', url: '/units?q=ab%00c' });
    expect(query.statusCode).toBe(400);
    expect(problem(query).errors).toEqual([{ location: 'querystring.q', message: nulMessage }]);
    const param = await a.inject({ method: 'GET', url: '/units/12%00' });
    expect(param.statusCode).toBe(400);
    expect(problem(param).errors).toEqual([{ location: 'params.code', message: nulMessage }]);
    const body = await a.inject({ method: 'PUT', url: '/units/12', payload: { name: 'Pha\u0000 Mu', tags: ['a', 'b\u0000'] } });
    expect(body.statusCode).toBe(400);
    expect(problem(body).errors).toEqual([
      { location: 'body.name', message: nulMessage },
      { location: 'body.tags.1', message: nulMessage },
    ]);
    expect((await a.inject({ method: 'GET', url: '/units?q=S%C6%A1n%20B%C3%ACnh' })).json()).toEqual({ q: 'Sơn Bình' });
  });

  it('names an unknown field whose name holds a NUL with the NUL written out, so the answer itself holds none', async () => {
    const res = await (await app()).inject({ method: 'PUT', url: '/units/12', payload: { name: 'Pha Mu', tags: [], 'x\u0000y': [] } });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([{ location: 'body.x\\u0000y', message: unknownFieldMessage }]);
  });

  it('answers a path parameter longer than the router takes with a Vietnamese 414 problem, and a shorter one over the schema with a 400', async () => {
    const a = await app();
    const long = await a.inject({ method: 'GET', url: `/units/${'x'.repeat(1001)}` });
    expect(long.statusCode).toBe(414);
    expect(problem(long)).toMatchObject({ type: 'urn:ntm:problem:uri-too-long', title: 'Đường dẫn quá dài', status: 414 });
    // 65 Vietnamese characters are about 390 characters percent-encoded: the schema's own limit answers.
    const overSchema = await a.inject({ method: 'GET', url: `/units/${encodeURIComponent('ệ'.repeat(65))}` });
    expect(overSchema.statusCode).toBe(400);
    expect(problem(overSchema).errors?.[0]?.location).toBe('params.code');
  });

  it('answers a broken percent-encoding in the path with a Vietnamese 400 problem', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/units/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).detail).toBe('Đường dẫn có mã hóa % không hợp lệ.');
  });

  it('answers a known path asked with another method with 405 and the methods it takes in Allow; an unknown path stays 404', async () => {
    const a = await app();
    const res = await a.inject({ method: 'DELETE', url: '/units/12?x=1' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PUT');
    expect(problem(res)).toMatchObject({ type: 'urn:ntm:problem:method-not-allowed', title: 'Phương thức không được hỗ trợ' });
    const trace = await a.inject({ method: 'TRACE', url: '/units' });
    expect(trace.statusCode).toBe(405);
    expect(trace.headers.allow).toBe('GET, HEAD');
    // QUERY carries a body: Fastify wants its Content-Type even where no route takes it.
    const query = await a.inject({ method: 'QUERY' as 'GET', url: '/units/12' });
    expect(query.statusCode).toBe(405);
    expect(problem(query).type).toBe('urn:ntm:problem:method-not-allowed');
    expect((await a.inject({ method: 'DELETE', url: '/khong-co' })).statusCode).toBe(404);
  });

  it('documents path-parameter operations as able to answer 414, and every free-text string as taking no NUL', async () => {
    const a = await app();
    const doc = (await a.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, { parameters: Array<{ schema: { pattern?: string } }>; responses: Record<string, unknown> }>> }>();
    expect(Object.keys(doc.paths['/units/{code}']?.get?.responses ?? {})).toContain('414');
    expect(Object.keys(doc.paths['/units']?.get?.responses ?? {})).not.toContain('414');
    expect(doc.paths['/units']?.get?.parameters[0]?.schema.pattern).toBe('^[^\\x00]*$');
    expect(new RegExp(doc.paths['/units']?.get?.parameters[0]?.schema.pattern ?? '').test('a\u0000b')).toBe(false);
  });

  it('leaves strings with a format, an enum or their own pattern, and examples, as they are', () => {
    const doc = { a: { type: 'string', format: 'uuid' }, b: { type: 'string', enum: ['x'] }, c: { type: 'string', pattern: '^\\d+$' }, d: { type: ['string', 'null'] }, example: { type: 'string' } };
    documentNoNul(doc);
    expect(doc).toEqual({ a: { type: 'string', format: 'uuid' }, b: { type: 'string', enum: ['x'] }, c: { type: 'string', pattern: '^\\d+$' }, d: { type: ['string', 'null'], pattern: '^[^\\x00]*$' }, example: { type: 'string' } });
  });
});
