import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@ntm/config';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { createHttpApp, healthRoutes } from '@ntm/http';
import { testConfig } from '@ntm/testing';
import { AuthenticationError, type AuthenticationFailure } from './errors.js';
import { registerIdentity } from './index.js';
import { createLocalIssuer, loadOrCreateSigningKey, localIssuerFromConfig, type LocalIssuer } from './local-issuer.js';
import { verifyPassword } from './passwords.js';
import { seedLocalUsers, upsertLocalUser } from './users.js';
import { createTokenVerifier, type TokenVerifier } from './verify.js';

const phaMuGrant = { role: 'commune_officer', unitCode: '110-03628', departmentCode: null } as const;
const password = 'Mật-khẩu-đúng-2025';

let scratch: ScratchDatabase;
let db: Db;
let config: Config;
let issuer: LocalIssuer;
let verifier: TokenVerifier;
let phaMuId: string;

beforeAll(async () => {
  scratch = await createScratchDatabase(testConfig().postgres.url, { prefix: 'ntm_identity' });
  db = createPrismaClient(scratch.url, { max: 4 });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'ntm-identity-')), 'auth', 'local-issuer.pem');
  config = testConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: keyFile });
  const local = await localIssuerFromConfig(config, db);
  if (!local) throw new Error('the built-in issuer should be on');
  issuer = local;
  verifier = createTokenVerifier(config, db, { localIssuer: issuer });
  phaMuId = await upsertLocalUser(db, { username: 'xa.phamu', displayName: 'Công chức UBND xã Pha Mu', password, grants: [phaMuGrant] });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

/** The reason a promise was refused with, or 'accepted'. */
async function outcome(p: Promise<unknown>): Promise<AuthenticationFailure | 'accepted'> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (e instanceof AuthenticationError) return e.reason;
    throw e;
  }
}

const bearer = (token: string) => `Bearer ${token}`;

describe('tokens of the built-in issuer', () => {
  it('verify back to the user with the grants from the database', async () => {
    const { accessToken, expiresIn } = await issuer.issueTokens({ id: phaMuId });
    expect(expiresIn).toBe(900);
    const actor = await verifier(bearer(accessToken));
    expect(actor).toEqual({ id: phaMuId, username: 'xa.phamu', displayName: 'Công chức UBND xã Pha Mu', grants: [phaMuGrant] });
    // A verifier that reads the key file itself (another service on the same state folder) agrees.
    expect((await createTokenVerifier(config, db)(bearer(accessToken))).id).toBe(phaMuId);
  });

  it('are refused once expired', async () => {
    const anHourAgo = createLocalIssuer({ db, key: issuer.key, audience: config.auth.audience, accessTtlSeconds: 900, refreshTtlSeconds: 1800, now: () => new Date(Date.now() - 3600_000) });
    const { accessToken, refreshToken } = await anHourAgo.issueTokens({ id: phaMuId });
    expect(await outcome(verifier(bearer(accessToken)))).toBe('expired-token');
    expect(await outcome(issuer.refresh(refreshToken))).toBe('expired-token');
  });

  it('are refused for another audience or from another issuer', async () => {
    const base = { db, key: issuer.key, accessTtlSeconds: 900, refreshTtlSeconds: 1800 };
    const otherAudience = await createLocalIssuer({ ...base, audience: 'some-other-platform' }).issueTokens({ id: phaMuId });
    expect(await outcome(verifier(bearer(otherAudience.accessToken)))).toBe('invalid-token');
    const otherIssuer = await createLocalIssuer({ ...base, audience: config.auth.audience, issuer: 'https://elsewhere.example' }).issueTokens({ id: phaMuId });
    expect(await outcome(verifier(bearer(otherIssuer.accessToken)))).toBe('unknown-issuer');
  });

  it('are refused when signed by another key, even in the built-in issuer\'s name', async () => {
    const otherKey = await loadOrCreateSigningKey(join(mkdtempSync(join(tmpdir(), 'ntm-identity-')), 'other.pem'));
    const forged = await createLocalIssuer({ db, key: otherKey, audience: config.auth.audience, accessTtlSeconds: 900, refreshTtlSeconds: 1800 }).issueTokens({ id: phaMuId });
    expect(await outcome(verifier(bearer(forged.accessToken)))).toBe('invalid-token');
    expect(await outcome(issuer.refresh(forged.refreshToken))).toBe('invalid-token');
  });

  it('do not let a refresh token pass for an access token, nor the reverse', async () => {
    const { accessToken, refreshToken } = await issuer.issueTokens({ id: phaMuId });
    expect(await outcome(verifier(bearer(refreshToken)))).toBe('invalid-token');
    expect(await outcome(issuer.refresh(accessToken))).toBe('invalid-token');
  });

  it('are refused for a disabled or deleted user, and for garbage', async () => {
    const id = await upsertLocalUser(db, { username: 'tam.thoi', displayName: 'Tài khoản tạm', password, grants: [] });
    const { accessToken } = await issuer.issueTokens({ id });
    await db.user.update({ where: { id }, data: { disabled: true } });
    expect(await outcome(verifier(bearer(accessToken)))).toBe('disabled-user');
    await db.user.delete({ where: { id } });
    expect(await outcome(verifier(bearer(accessToken)))).toBe('unknown-user');
    expect(await outcome(verifier(undefined))).toBe('missing-token');
    expect(await outcome(verifier('Basic eHg6eXk='))).toBe('malformed-token');
    expect(await outcome(verifier('Bearer not.a.jwt'))).toBe('malformed-token');
  });
});

describe('refresh tokens', () => {
  it('rotate: each is spent by its use and the new pair works', async () => {
    const first = await issuer.issueTokens({ id: phaMuId });
    const second = await issuer.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await verifier(bearer(second.accessToken))).username).toBe('xa.phamu');
    const third = await issuer.refresh(second.refreshToken);
    expect((await verifier(bearer(third.accessToken))).username).toBe('xa.phamu');
  });

  it('refuse a replayed token and revoke every other refresh token of its user', async () => {
    const stolen = await issuer.issueTokens({ id: phaMuId });
    const otherDevice = await issuer.issueTokens({ id: phaMuId });
    const legit = await issuer.refresh(stolen.refreshToken);
    expect(await outcome(issuer.refresh(stolen.refreshToken))).toBe('reused-refresh-token');
    expect(await outcome(issuer.refresh(legit.refreshToken))).toBe('invalid-token');
    expect(await outcome(issuer.refresh(otherDevice.refreshToken))).toBe('invalid-token');
    // Access tokens already out stay valid until they expire (minutes): they are not looked up.
    expect((await verifier(bearer(legit.accessToken))).id).toBe(phaMuId);
  });

  it('can be spent once even by concurrent requests', async () => {
    const { refreshToken } = await issuer.issueTokens({ id: phaMuId });
    const results = await Promise.all([issuer.refresh(refreshToken), issuer.refresh(refreshToken), issuer.refresh(refreshToken)].map(outcome));
    expect(results.filter((r) => r === 'accepted')).toHaveLength(1);
  });
});

describe('an external identity provider (OIDC) through its JWKS', () => {
  const iss = 'https://sso.laichau.example/realms/ntm';
  let jwks: ReturnType<typeof createHttpApp>;
  let providerKey: CryptoKey;
  let external: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    providerKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'province-key-1', alg: 'RS256', use: 'sig' };
    jwks = createHttpApp({ logger: false });
    jwks.get('/realms/ntm/protocol/openid-connect/certs', async () => ({ keys: [publicJwk] }));
    const address = await jwks.listen({ host: '127.0.0.1', port: 0 });
    // Only the external provider: the test stack's built-in issuer is turned off here.
    const externalConfig = testConfig({ NTM_AUTH_ISSUER: iss, NTM_AUTH_JWKS_URL: `${address}/realms/ntm/protocol/openid-connect/certs`, NTM_AUTH_LOCAL_ISSUER: 'false' });
    external = createTokenVerifier(externalConfig, db);
    const id = await upsertLocalUser(db, { username: 'so.xaydung', displayName: 'Chuyên viên Sở Xây dựng', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: 'SXD' }] });
    await db.user.update({ where: { id }, data: { oidcSubject: 'f3c2a1de-keycloak-subject' } });
  });
  afterAll(async () => {
    await jwks.close();
  });

  const sign = (claims: { sub: string; aud?: string; iss?: string; expiresIn?: string }, key: CryptoKey = providerKey, kid = 'province-key-1') =>
    new SignJWT({ preferred_username: 'ignored' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? iss)
      .setAudience(claims.aud ?? 'ntm-platform')
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(claims.expiresIn ?? '5m')
      .sign(key);

  it('accepts its tokens and maps the subject to our user, with our grants', async () => {
    const actor = await external(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject' })));
    expect(actor).toMatchObject({ username: 'so.xaydung', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: 'SXD' }] });
  });

  it('refuses unknown subjects, other audiences, expired tokens, unknown keys and the built-in issuer it was not told about', async () => {
    expect(await outcome(external(bearer(await sign({ sub: 'nobody-we-know' }))))).toBe('unknown-user');
    expect(await outcome(external(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject', aud: 'account' }))))).toBe('invalid-token');
    expect(await outcome(external(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject', expiresIn: '-5m' }))))).toBe('expired-token');
    const intruder = await generateKeyPair('RS256');
    expect(await outcome(external(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject' }, intruder.privateKey, 'intruder'))))).toBe('invalid-token');
    expect(await outcome(external(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject' }, intruder.privateKey))))).toBe('invalid-token');
    const local = await issuer.issueTokens({ id: phaMuId });
    expect(await outcome(external(bearer(local.accessToken)))).toBe('unknown-issuer');
  });

  it('answers 503, not 401, when the provider\'s key set cannot be fetched', async () => {
    const gone = createHttpApp({ logger: false });
    const address = await gone.listen({ host: '127.0.0.1', port: 0 });
    await gone.close();
    const unreachable = createTokenVerifier(testConfig({ NTM_AUTH_ISSUER: iss, NTM_AUTH_JWKS_URL: `${address}/certs` }), db);
    await expect(unreachable(bearer(await sign({ sub: 'f3c2a1de-keycloak-subject' })))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('the auth routes and the plugin in a service', () => {
  async function service() {
    const app = createHttpApp({ logger: false });
    await registerIdentity(app, { config, db });
    await app.register(healthRoutes('test', []));
    app.get('/dummy', async (request) => ({ username: request.actor?.username }));
    await app.ready();
    return app;
  }
  const login = (app: Awaited<ReturnType<typeof service>>, username: string, pw: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: pw }, remoteAddress });

  it('logs in, then a protected route answers 401 without the token and 200 with it', async () => {
    const app = await service();
    const res = await login(app, ' Xa.PhaMu ', password);
    expect(res.statusCode).toBe(200);
    const tokens = res.json<{ tokenType: string; accessToken: string; refreshToken: string; expiresIn: number }>();
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 28_800 });
    expect((await app.inject({ method: 'GET', url: '/dummy' })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'GET', url: '/dummy', headers: { authorization: bearer(tokens.accessToken) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ username: 'xa.phamu' });
    const me = await app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: bearer(tokens.accessToken) } });
    expect(me.json()).toEqual({ id: phaMuId, username: 'xa.phamu', displayName: 'Công chức UBND xã Pha Mu', grants: [phaMuGrant] });
    expect((await app.inject({ method: 'GET', url: '/auth/me' })).statusCode).toBe(401);
    // Public without a token: health, the issuer's keys.
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const keys = await app.inject({ method: 'GET', url: '/auth/jwks.json' });
    expect(keys.statusCode).toBe(200);
    expect(keys.json()).toEqual(issuer.publicJwks());
  });

  it('refreshes once over HTTP and refuses the replay with 401', async () => {
    const app = await service();
    const { refreshToken } = (await login(app, 'xa.phamu', password)).json<{ refreshToken: string }>();
    const refreshed = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    const replay = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<{ detail: string }>().detail).toMatch(/đã được dùng/);
  });

  it('answers a wrong password and an unknown user alike, in similar time', async () => {
    const app = await service();
    const wrong = await login(app, 'xa.phamu', 'sai-mat-khau');
    const unknown = await login(app, 'khong.ton.tai', 'sai-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json()).toEqual({ ...wrong.json(), instance: '/auth/login' });
    expect(wrong.json()).toMatchObject({ title: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    // Both pay one Argon2 verification: an unknown user is not answered measurably faster.
    const time = async (username: string) => {
      const started = performance.now();
      await login(app, username, 'sai-mat-khau');
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time('xa.phamu'));
      unknownTimes.push(await time(`khong.ton.tai.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    expect(median(unknownTimes)).toBeGreaterThan(median(known) * 0.5);
  });

  it('slows brute force: the 6th wrong attempt within a minute gets 429 with Retry-After, even with the right password', async () => {
    const app = await service();
    for (let i = 1; i <= 5; i++) expect((await login(app, 'xa.phamu', `doan-mo-${i}`)).statusCode).toBe(401);
    const sixth = await login(app, 'xa.phamu', 'doan-mo-6');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(sixth.json()).toMatchObject({ type: 'urn:ntm:problem:rate-limited', title: 'Quá nhiều yêu cầu', status: 429 });
    expect(sixth.json<{ detail: string }>().detail).toMatch(/^Thử đăng nhập quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
    expect((await login(app, 'xa.phamu', password)).statusCode).toBe(429);
    // The limit is per IP and username: the same user from elsewhere, or another user here, still gets through.
    expect((await login(app, 'xa.phamu', password, '10.20.30.40')).statusCode).toBe(200);
    expect((await login(app, 'khong.ton.tai', 'x')).statusCode).toBe(401);
  });
});

describe('the seeded local users', () => {
  it('are created once with the seed password, and a later seed leaves them alone', async () => {
    const created = await seedLocalUsers(db, { password: 'ntm-local-only' });
    // xa.phamu and so.xaydung exist already from the tests above.
    expect(created).toEqual(expect.arrayContaining(['xa.sonbinh', 'xa.giangma', 'so.nnptnt', 'huyen.thanuyen', 'tinh.vpdp', 'quantri', 'kiemtoan']));
    expect(created).not.toContain('xa.phamu');
    expect(await seedLocalUsers(db, { password: 'ntm-local-only' })).toEqual([]);
    const thanUyen = await db.user.findUniqueOrThrow({ where: { username: 'huyen.thanuyen' }, include: { grants: true } });
    expect(thanUyen.displayName).toBe('Cán bộ UBND huyện Than Uyên (thử nghiệm)');
    expect(thanUyen.grants.map((g) => [g.role, g.unitCode])).toEqual([['district_officer', '110']]);
    expect(await verifyPassword(thanUyen.passwordHash ?? '', 'ntm-local-only')).toBe(true);
  });
});
