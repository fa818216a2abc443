import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierApi, evidenceApi } from '@ntm/infra/apps';
import { stackPaths } from '@ntm/infra/paths';
import { testConfig } from '@ntm/testing';

const config = testConfig();
const ctx = { config, paths: stackPaths(config), progress: () => undefined };
const services = {
  'dossier-api': `http://${config.host}:${config.dossierApi.port}`,
  'evidence-api': `http://${config.host}:${config.evidenceApi.port}`,
};

type Operation = { operationId?: string; security?: unknown[] };
type Spec = { paths: Record<string, Record<string, Operation>> };

/** Every operation a service documents, with its path's parameters filled in. */
async function operations(base: string) {
  const spec = (await (await fetch(`${base}/docs/json`)).json()) as Spec;
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: base + path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' || name.endsWith('Id') ? randomUUID() : '12')),
      operationId: op.operationId ?? `${method} ${path}`,
      documentedPublic: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
}

// The seeded local users of packages/db/seed/users, with the local-only password.
async function login(base: string, username: string, password = config.auth.localIssuer?.seedPassword ?? '') {
  return fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

describe('signing in to the running services (real processes, built-in issuer)', () => {
  beforeAll(() => Promise.all([dossierApi.start(ctx), evidenceApi.start(ctx)]));
  afterAll(() => Promise.all([dossierApi.stop(ctx), evidenceApi.stop(ctx)]));

  it('answers no operation without a valid token except health, login and the public pages', async () => {
    const open: string[] = [];
    for (const base of Object.values(services)) {
      for (const op of await operations(base)) {
        for (const authorization of [undefined, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
          const res = await fetch(op.url, { method: op.method, headers: authorization ? { authorization } : {} });
          if (res.status !== 401) open.push(op.operationId);
          if (res.status === 401) {
            expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
          }
          await res.body?.cancel();
        }
        // The documentation says which operations are public; it must tell the truth.
        const res = await fetch(op.url, { method: op.method });
        expect(res.status === 401, `${op.operationId} documented as ${op.documentedPublic ? 'public' : 'protected'}`).toBe(!op.documentedPublic);
        await res.body?.cancel();
      }
    }
    expect([...new Set(open)].sort()).toEqual(['getHealth', 'localIssuerKeys', 'login', 'logout', 'lookupDossierByTrackingCode', 'refreshToken', 'verifyDecision']);
  });

  it('logs a seeded user in on one service, and the token works on the other', async () => {
    const res = await login(services['dossier-api'], 'xa.sonbinh');
    expect(res.status).toBe(200);
    const { accessToken, tokenType } = (await res.json()) as { accessToken: string; tokenType: string };
    expect(tokenType).toBe('Bearer');
    for (const base of Object.values(services)) {
      const me = await fetch(`${base}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ username: 'xa.sonbinh', grants: [{ role: 'commune_officer', unitCode: '106-03413' }] });
    }
    const dossiers = await fetch(`${services['dossier-api']}/dossiers?unit=106-03405`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(dossiers.status).toBe(200);
    expect(await dossiers.json()).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a wrong password with 401 problem+json in Vietnamese, and sends the security headers', async () => {
    const res = await login(services['evidence-api'], 'xa.sonbinh', 'sai-mat-khau');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ title: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
