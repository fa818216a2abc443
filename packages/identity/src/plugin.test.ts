import { describe, expect, it } from 'vitest';
import { loadConfig } from '@ntm/config';
import type { Db } from '@ntm/db';
import { createHttpApp, healthRoutes, registerOpenApi } from '@ntm/http';
import { AuthenticationError } from './errors.js';
import { registerIdentity } from './index.js';
import { authentication } from './plugin.js';
import type { Actor, TokenVerifier } from './verify.js';

const phaMu: Actor = { id: '0b7c1f4e-1d2a-4c1b-9f51-1f6a8f3b2c10', username: 'xa.phamu', displayName: 'Công chức UBND xã Pha Mu', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] };

/** Accepts exactly "Bearer good". */
const verifier: TokenVerifier = async (authorization) => {
  if (authorization === undefined) throw new AuthenticationError('missing-token');
  if (authorization !== 'Bearer good') throw new AuthenticationError('invalid-token');
  return phaMu;
};

async function app() {
  const a = createHttpApp({ logger: false });
  await registerOpenApi(a, { title: 'test', version: '0', description: 'test' });
  await a.register(authentication, { verifier });
  await a.register(healthRoutes('test', []));
  a.get('/dossiers', async (request) => ({ actor: request.actor?.username }));
  a.get('/tracking/:code', { config: { public: true } }, async (request) => ({ actor: request.actor?.username ?? null }));
  await a.ready();
  return a;
}

describe('the authentication plugin', () => {
  it('refuses a protected route without a token: 401 problem+json in Vietnamese with WWW-Authenticate', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/dossiers' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="ntm"');
    expect(res.json()).toMatchObject({
      type: 'urn:ntm:problem:unauthorized',
      title: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ',
      status: 401,
      detail: 'Yêu cầu không kèm mã truy cập (tiêu đề Authorization: Bearer).',
    });
  });

  it('refuses a bad token, naming the error in WWW-Authenticate', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/dossiers', headers: { authorization: 'Bearer bad' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="ntm", error="invalid_token"');
  });

  it('runs a protected route with a good token and gives it the actor', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/dossiers', headers: { authorization: 'Bearer good' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ actor: 'xa.phamu' });
  });

  it('lets health, docs and routes flagged public answer without a token', async () => {
    const a = await app();
    expect((await a.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
    const tracking = await a.inject({ method: 'GET', url: '/tracking/ABC123' });
    expect(tracking.statusCode).toBe(200);
    expect(tracking.json()).toEqual({ actor: null });
  });

  it('checks the matched route, not the URL, and leaves unknown URLs to the 404 answer', async () => {
    const a = await app();
    expect((await a.inject({ method: 'GET', url: '/dossiers?x=/health' })).statusCode).toBe(401);
    expect((await a.inject({ method: 'GET', url: '/health/../dossiers' })).statusCode).toBe(401);
    expect((await a.inject({ method: 'GET', url: '/docs/../dossiers' })).statusCode).toBe(401);
    const unknown = await a.inject({ method: 'GET', url: '/khong-co' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('registerIdentity without any identity provider configured', () => {
  it('starts, warns, and refuses every protected request with 401 while health still answers', async () => {
    const warnings: string[] = [];
    const a = createHttpApp({ logger: { level: 'warn', stream: { write: (line: string) => void warnings.push(line) } } });
    await registerIdentity(a, { config: loadConfig({}), db: {} as Db });
    await a.register(healthRoutes('test', []));
    a.get('/dossiers', async () => ({ ok: true }));
    expect(warnings.join('\n')).toMatch(/no identity provider is configured/);
    expect((await a.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const res = await a.inject({ method: 'GET', url: '/dossiers', headers: { authorization: 'Bearer a.b.c' } });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ detail: string }>().detail).toMatch(/chưa được cấu hình nhà cung cấp định danh/);
    // The built-in issuer is off: no login route.
    expect((await a.inject({ method: 'POST', url: '/auth/login', payload: { username: 'x', password: 'y' } })).statusCode).toBe(404);
    expect((await a.inject({ method: 'GET', url: '/auth/me' })).statusCode).toBe(401);
  });
});
