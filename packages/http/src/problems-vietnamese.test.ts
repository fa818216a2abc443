import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHttpApp } from './app.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/notes',
    {
      bodyLimit: 1024,
      schema: {
        body: z.strictObject({
          id: z.uuid(),
          text: z.string().min(1).max(10),
          day: z.iso.date(),
          count: z.number().int().min(1),
          tags: z.array(z.strictObject({ code: z.string() })).max(2).default([]),
          kind: z.enum(['a', 'b']),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/db-down', async () => {
    // The shape Prisma 7's pg adapter throws when PostgreSQL refuses connections.
    throw Object.assign(new Error('Invalid `db.dossier.findUnique()` invocation'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P1001',
      meta: { driverAdapterError: Object.assign(new Error('DatabaseNotReachable'), { cause: { kind: 'DatabaseNotReachable' } }) },
    });
  });
  app.get('/temporal-down', async () => {
    // Temporal's client: a ServiceError wrapping gRPC's UNAVAILABLE.
    throw Object.assign(new Error('Workflow Update failed'), { cause: Object.assign(new Error('No connection established. Last error: connect ECONNREFUSED'), { code: 14, details: 'No connection' }) });
  });
};

async function app() {
  const a = createHttpApp({ logger: false });
  await a.register(routes);
  return a;
}

type Body = { type: string; title: string; detail?: string; errors?: Array<{ location: string; message: string }> };
const english = /\b(expected|received|Invalid|Body|Unsupported|Request body|is too large|must|Unrecognized)\b/;

function expectVietnameseProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => Body }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  for (const text of [body.title, body.detail ?? '', ...(body.errors ?? []).map((e) => e.message)]) expect(text).not.toMatch(english);
  return body;
}

describe('client errors in Vietnamese', () => {
  it('says every field error of a body in Vietnamese', async () => {
    const res = await (await app()).inject({
      method: 'POST',
      url: '/notes',
      payload: { id: 'x', text: 12, day: '2026-13-40', count: 0, tags: [{ code: 'a' }, { code: 'b' }, { code: 'c' }], kind: 'c' },
    });
    const body = expectVietnameseProblem(res, 400);
    const at = Object.fromEntries((body.errors ?? []).map((e) => [e.location, e.message]));
    expect(at).toEqual({
      'body.id': 'không phải mã UUID hợp lệ',
      'body.text': 'cần chuỗi ký tự, nhận được số',
      'body.day': 'không phải ngày dạng YYYY-MM-DD hợp lệ',
      'body.count': 'phải lớn hơn hoặc bằng 1',
      'body.tags': 'tối đa 2 phần tử',
      'body.kind': 'phải là một trong các giá trị: "a", "b"',
    });
  });

  it('refuses an unknown field with a 400 naming it, at any depth', async () => {
    const res = await (await app()).inject({
      method: 'POST',
      url: '/notes',
      payload: { id: '2b7c1f7e-52c5-4a7e-9d55-1f7d0c6c8d11', text: 'ghi chú', day: '2026-01-02', count: 1, kind: 'a', colour: 'đỏ', tags: [{ code: 'a', extra: 1 }] },
    });
    const body = expectVietnameseProblem(res, 400);
    expect(body.errors?.map((e) => e.location).sort()).toEqual(['body.colour', 'body.tags.0.extra']);
  });

  it('says a missing field is required', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/notes', payload: { text: 'a' } });
    const body = expectVietnameseProblem(res, 400);
    expect(body.errors?.find((e) => e.location === 'body.id')?.message).toBe('bắt buộc (cần chuỗi ký tự)');
  });

  it.each([
    ['malformed JSON', '{"id":', 'application/json', 400, 'urn:ntm:problem:validation', 'Nội dung gửi lên không phải JSON hợp lệ.'],
    ['an empty JSON body', '', 'application/json', 400, 'urn:ntm:problem:validation', 'Nội dung gửi lên trống; yêu cầu này cần một đối tượng JSON.'],
    ['an unsupported content type', 'id=1', 'application/x-www-form-urlencoded', 415, 'urn:ntm:problem:unsupported-media-type', 'Kiểu nội dung "application/x-www-form-urlencoded" không được hỗ trợ ở đường dẫn này.'],
    ['a body over the route limit', JSON.stringify({ text: 'x'.repeat(2000) }), 'application/json', 413, 'urn:ntm:problem:payload-too-large', 'Nội dung gửi lên vượt quá giới hạn 1 KB.'],
  ])('answers %s with a Vietnamese problem', async (_name, payload, contentType, status, type, detail) => {
    const res = await (await app()).inject({ method: 'POST', url: '/notes', payload, headers: { 'content-type': contentType } });
    const body = expectVietnameseProblem(res, status);
    expect(body).toMatchObject({ type, detail });
  });
});

describe('an unreachable dependency', () => {
  it.each(['/db-down', '/temporal-down'])('%s answers 503 problem+json in Vietnamese, not 500', async (url) => {
    const res = await (await app()).inject({ method: 'GET', url });
    const body = expectVietnameseProblem(res, 503);
    expect(body.type).toBe('urn:ntm:problem:unavailable');
    expect(body.detail).toMatch(/thử lại/);
  });
});
