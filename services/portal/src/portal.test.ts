import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@ntm/config';
import { buildPortal } from './app.js';
import { createRefresher, type TokenSet } from './session.js';

describe('the portal service without the APIs', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'ntm-portal-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="vi"><title>Hồ sơ</title></html>');
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  // The APIs are unreachable: nothing here may need them.
  const config = loadConfig({ NTM_PORTAL_DOSSIER_API_URL: 'http://127.0.0.1:1', NTM_PORTAL_EVIDENCE_API_URL: 'http://127.0.0.1:1' });
  let app: Awaited<ReturnType<typeof buildPortal>>;
  beforeAll(async () => {
    app = await buildPortal({ config, webRoot }, { logger: false });
  });
  afterAll(() => app.close());

  it('serves every page address with index.html, uncached, and assets for good', async () => {
    for (const url of ['/', '/dang-nhap', '/ho-so/6f1c8a52-0000-4000-8000-000000000000']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('lang="vi"');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('answers /api without a session 401 in Vietnamese, without calling the API', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dossier/dossiers' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toBe('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
    expect((await app.inject({ method: 'GET', url: '/auth/session' })).statusCode).toBe(401);
    // A cookie that is not a session counts as none.
    expect((await app.inject({ method: 'GET', url: '/api/evidence/x', cookies: { ntm_session: 'garbage' } })).statusCode).toBe(401);
  });

  it('forwards the public tracking lookup and decision verification without a session (here to an unreachable API: 503), and nothing else', async () => {
    for (const url of ['/api/dossier/public/dossiers/12-2025-ABC', '/api/dossier/public/decisions/6f1c8a52-0000-4000-8000-000000000000']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.json<{ detail: string }>().detail).toBe('Không kết nối được dịch vụ. Vui lòng thử lại sau ít phút.');
    }
    expect((await app.inject({ method: 'POST', url: '/api/dossier/public/dossiers/12-2025-ABC' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/evidence/public/x' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/dossier/publicity' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/dossier/public/../dossiers' })).statusCode).toBe(401);
  });

  it('refuses a state-changing request from another origin, and sends a strict content security policy', async () => {
    const res = await app.inject({ method: 'POST', url: '/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('signs out without a session and clears the cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/auth/logout' });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^ntm_session=;.*HttpOnly.*SameSite=Strict/);
  });
});

describe('refreshing a session', () => {
  it('spends a refresh token once however many requests need it at the same time', async () => {
    let calls = 0;
    const tokens: TokenSet = { accessToken: 'a2', expiresIn: 900, refreshToken: 'r2', refreshExpiresIn: 28_800 };
    const refresh = createRefresher(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 20));
      return tokens;
    });
    const results = await Promise.all([refresh('r1'), refresh('r1'), refresh('r1')]);
    expect(results).toEqual([tokens, tokens, tokens]);
    // A request still carrying the old cookie a moment later gets the same pair.
    expect(await refresh('r1')).toBe(tokens);
    expect(calls).toBe(1);
    await refresh('r2');
    expect(calls).toBe(2);
  });
});
