import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, localIssuerId } from './index.js';

describe('loadConfig', () => {
  it('gives the dev profile its documented ports by default', () => {
    const c = loadConfig({});
    expect(c.profile).toBe('dev');
    expect(c.temporal.uiPort).toBe(8233);
    expect(c.s3.port).toBe(9000);
    expect(c.portal.port).toBe(3002);
    expect(c.portal.dossierApiUrl).toBe('http://127.0.0.1:3000');
    expect(c.postgres.database).toBe('ntm_dev');
  });

  it('gives the test profile ports and a database that never overlap the dev profile', () => {
    const dev = loadConfig({ NTM_PROFILE: 'dev' });
    const test = loadConfig({ NTM_PROFILE: 'test' });
    const ports = (c: typeof dev) => [
      c.postgres.port, c.temporal.port, c.temporal.uiPort, c.temporal.httpPort,
      c.s3.port, c.s3.consolePort, c.dossierApi.port, c.evidenceApi.port, c.portal.port,
    ];
    const devPorts = new Set(ports(dev));
    expect(devPorts.size).toBe(9);
    expect(ports(test).filter((p) => devPorts.has(p))).toEqual([]);
    expect(test.postgres.database).not.toBe(dev.postgres.database);
  });

  it('lets an environment variable override a default', () => {
    const c = loadConfig({ NTM_PG_PORT: '6000', NTM_S3_USE_SSL: 'true' });
    expect(c.postgres.port).toBe(6000);
    expect(c.postgres.url).toBe('postgresql://ntm:ntm-local-only@127.0.0.1:6000/ntm_dev');
    expect(c.s3.useSSL).toBe(true);
  });

  it('bounds the workflows a worker keeps in memory, 500 unless set', () => {
    expect(loadConfig({}).temporal.maxCachedWorkflows).toBe(500);
    expect(loadConfig({ NTM_WORKER_MAX_CACHED_WORKFLOWS: '2000' }).temporal.maxCachedWorkflows).toBe(2000);
    expect(() => loadConfig({ NTM_WORKER_MAX_CACHED_WORKFLOWS: '1' })).toThrow(ConfigError);
  });

  it('names every invalid variable', () => {
    const error = captureError(() => loadConfig({ NTM_PG_PORT: '70000', NTM_PROFILE: 'prod' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.split(':')[0]).sort()).toEqual(['NTM_PG_PORT', 'NTM_PROFILE']);
  });
});

describe('authentication settings', () => {
  it('configures no issuer unless told, so protected requests are refused', () => {
    const { auth, cors } = loadConfig({});
    expect(auth).toMatchObject({ enabled: false, external: null, localIssuer: null, audience: 'ntm-platform' });
    expect(auth).toMatchObject({ accessTtlSeconds: 900, refreshTtlSeconds: 28_800, loginRateLimitPerMinute: 5 });
    expect(cors.origins).toEqual([]);
  });

  it('keeps the built-in issuer key in the profile state folder by default', () => {
    const { auth } = loadConfig({ NTM_PROFILE: 'test', NTM_AUTH_LOCAL_ISSUER: 'true' });
    expect(auth.enabled).toBe(true);
    expect(auth.localIssuer?.issuer).toBe(localIssuerId);
    expect(auth.localIssuer?.keyFile).toMatch(/[/\\]\.stack[/\\]test[/\\]auth[/\\]local-issuer\.pem$/);
    expect(auth.localIssuer?.seedPassword).toBe('ntm-local-only');
    expect(loadConfig({ NTM_AUTH_LOCAL_ISSUER: '1', NTM_STATE_DIR: '/srv/ntm' }).auth.localIssuer?.keyFile).toBe('/srv/ntm/auth/local-issuer.pem');
    expect(loadConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: '/keys/k.pem' }).auth.localIssuer?.keyFile).toBe('/keys/k.pem');
  });

  it('accepts an external issuer given with its key set', () => {
    const { auth } = loadConfig({ NTM_AUTH_ISSUER: 'https://sso.laichau.gov.vn/realms/ntm', NTM_AUTH_JWKS_URL: 'https://sso.laichau.gov.vn/realms/ntm/protocol/openid-connect/certs' });
    expect(auth.enabled).toBe(true);
    expect(auth.localIssuer).toBeNull();
    expect(auth.external).toEqual({ issuer: 'https://sso.laichau.gov.vn/realms/ntm', jwksUrl: 'https://sso.laichau.gov.vn/realms/ntm/protocol/openid-connect/certs' });
  });

  it('takes empty external issuer settings as unset (docker-compose passes them so)', () => {
    expect(loadConfig({ NTM_AUTH_ISSUER: '', NTM_AUTH_JWKS_URL: '' }).auth.external).toBeNull();
  });

  it('refuses an external issuer without its key set, and the other way round', () => {
    const names = (env: Record<string, string>) => (captureError(() => loadConfig(env)) as ConfigError).issues.map((i) => i.split(':')[0]);
    expect(names({ NTM_AUTH_JWKS_URL: 'https://idp.example/certs' })).toEqual(['NTM_AUTH_ISSUER']);
    expect(names({ NTM_AUTH_ISSUER: 'https://idp.example' })).toEqual(['NTM_AUTH_JWKS_URL']);
    expect(names({ NTM_AUTH_ISSUER: localIssuerId, NTM_AUTH_JWKS_URL: 'https://idp.example/certs' })).toEqual(['NTM_AUTH_ISSUER']);
    expect(names({ NTM_AUTH_JWKS_URL: 'ftp://idp.example/certs', NTM_AUTH_ISSUER: 'x' })).toEqual(['NTM_AUTH_JWKS_URL']);
  });

  it("turns the portal's sign-in through a province's OIDC provider on only when it is fully configured", () => {
    expect(loadConfig({}).portal.oidc).toBeNull();
    expect(loadConfig({ NTM_PORTAL_OIDC_ISSUER: '', NTM_PORTAL_OIDC_CLIENT_ID: '', NTM_PORTAL_OIDC_REDIRECT_URI: '' }).portal.oidc).toBeNull();
    const oidc = {
      NTM_PORTAL_OIDC_ISSUER: 'https://sso.laichau.gov.vn/realms/ntm',
      NTM_PORTAL_OIDC_CLIENT_ID: 'ntm-portal',
      NTM_PORTAL_OIDC_REDIRECT_URI: 'https://ntm.laichau.gov.vn/auth/oidc/callback',
    };
    expect(loadConfig(oidc).portal.oidc).toEqual({
      issuer: 'https://sso.laichau.gov.vn/realms/ntm',
      clientId: 'ntm-portal',
      clientSecret: null,
      redirectUri: 'https://ntm.laichau.gov.vn/auth/oidc/callback',
      scopes: ['openid', 'profile'],
      label: 'Đăng nhập bằng tài khoản của tỉnh',
      sessionTtlSeconds: 8 * 3600,
    });
    expect(loadConfig({ ...oidc, NTM_PORTAL_OIDC_CLIENT_SECRET: 's3cret', NTM_PORTAL_OIDC_SCOPES: 'openid  email' }).portal.oidc).toMatchObject({ clientSecret: 's3cret', scopes: ['openid', 'email'] });
    // Plain http only on this machine (the tests' provider).
    expect(loadConfig({ ...oidc, NTM_PORTAL_OIDC_ISSUER: 'http://127.0.0.1:4000', NTM_PORTAL_OIDC_REDIRECT_URI: 'http://localhost:3002/auth/oidc/callback' }).portal.oidc?.issuer).toBe('http://127.0.0.1:4000');
    const names = (env: Record<string, string>) => (captureError(() => loadConfig(env)) as ConfigError).issues.map((i) => i.split(':')[0]);
    expect(names({ NTM_PORTAL_OIDC_ISSUER: oidc.NTM_PORTAL_OIDC_ISSUER })).toEqual(['NTM_PORTAL_OIDC_CLIENT_ID', 'NTM_PORTAL_OIDC_REDIRECT_URI']);
    expect(names({ NTM_PORTAL_OIDC_CLIENT_SECRET: 'x' })).toEqual(['NTM_PORTAL_OIDC_ISSUER', 'NTM_PORTAL_OIDC_CLIENT_ID', 'NTM_PORTAL_OIDC_REDIRECT_URI']);
    expect(names({ ...oidc, NTM_PORTAL_OIDC_ISSUER: 'http://sso.laichau.gov.vn' })).toEqual(['NTM_PORTAL_OIDC_ISSUER']);
    expect(names({ ...oidc, NTM_PORTAL_OIDC_SCOPES: 'profile' })).toEqual(['NTM_PORTAL_OIDC_SCOPES']);
  });

  it('reads lifetimes, the login rate limit and CORS origins, and refuses a refresh shorter than access', () => {
    const c = loadConfig({
      NTM_AUTH_ACCESS_TTL_SECONDS: '300',
      NTM_AUTH_REFRESH_TTL_SECONDS: '3600',
      NTM_LOGIN_RATE_LIMIT: '3',
      NTM_CORS_ORIGINS: 'https://ntm.laichau.gov.vn, http://localhost:5173,',
    });
    expect(c.auth).toMatchObject({ accessTtlSeconds: 300, refreshTtlSeconds: 3600, loginRateLimitPerMinute: 3 });
    expect(c.cors.origins).toEqual(['https://ntm.laichau.gov.vn', 'http://localhost:5173']);
    expect(() => loadConfig({ NTM_AUTH_ACCESS_TTL_SECONDS: '900', NTM_AUTH_REFRESH_TTL_SECONDS: '600' })).toThrow(/NTM_AUTH_REFRESH_TTL_SECONDS/);
    expect(() => loadConfig({ NTM_LOGIN_RATE_LIMIT: '0' })).toThrow(/NTM_LOGIN_RATE_LIMIT/);
    expect(() => loadConfig({ NTM_AUTH_SEED_PASSWORD: 'short' })).toThrow(/NTM_AUTH_SEED_PASSWORD/);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
