import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp } from './app.js';
import { registerSecurity } from './security.js';

const allowed = 'https://ntm.laichau.gov.vn';

async function app(corsOrigins: string[] = [allowed]) {
  const a = createHttpApp({ logger: false });
  await registerSecurity(a, { corsOrigins });
  a.get('/dossiers', async () => ({ items: [] }));
  a.post('/dossiers', { schema: { body: z.object({ note: z.string() }) } }, async () => ({ ok: true }));
  await a.ready();
  return a;
}

describe('security headers and CORS', () => {
  it('sends the security headers on every answer, errors included', async () => {
    const a = await app();
    for (const url of ['/dossiers', '/khong-co']) {
      const res = await a.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers a configured origin’s preflight and requests, and no other origin', async () => {
    const a = await app();
    const preflight = (origin: string) =>
      a.inject({ method: 'OPTIONS', url: '/dossiers', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const ok = await preflight(allowed);
    expect(ok.headers['access-control-allow-origin']).toBe(allowed);
    expect(String(ok.headers['access-control-allow-headers'])).toContain('authorization');
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await a.inject({ method: 'GET', url: '/dossiers', headers: { origin: allowed } })).headers['access-control-allow-origin']).toBe(allowed);
    expect((await a.inject({ method: 'GET', url: '/dossiers', headers: { origin: 'https://evil.example' } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows no cross-origin calls when no origin is configured', async () => {
    const res = await (await app([])).inject({ method: 'GET', url: '/dossiers', headers: { origin: allowed } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the request size limit with 413 problem+json', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/dossiers', payload: { note: 'x'.repeat(1024 * 1024 + 1) } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'urn:ntm:problem:payload-too-large', title: 'Dữ liệu gửi lên quá lớn' });
  });
});
