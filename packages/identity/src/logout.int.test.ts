import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { createHttpApp } from '@ntm/http';
import { testConfig } from '@ntm/testing';
import { registerIdentity } from './index.js';
import { upsertLocalUser } from './users.js';

const password = 'Mật-khẩu-đúng-2025';
let scratch: ScratchDatabase;
let db: Db;
let app: ReturnType<typeof createHttpApp>;

beforeAll(async () => {
  scratch = await createScratchDatabase(testConfig().postgres.url, { prefix: 'ntm_logout' });
  db = createPrismaClient(scratch.url, { max: 2 });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'ntm-logout-')), 'auth', 'local-issuer.pem');
  await upsertLocalUser(db, { username: 'xa.phamu', displayName: 'Công chức UBND xã Pha Mu', password, grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] });
  app = createHttpApp({ logger: false });
  await registerIdentity(app, { config: testConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: keyFile }), db });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await db.$disconnect();
  await scratch.drop();
});

const login = async () =>
  (await app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'xa.phamu', password } })).json<{ refreshToken: string }>();

describe('POST /auth/logout (signing out ends the session on the server)', () => {
  it('revokes the refresh token: it can no longer be exchanged, and the other sessions live on', async () => {
    const session = await login();
    const otherDevice = await login();
    const out = await app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect(out.statusCode).toBe(204);
    const refresh = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: session.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    const other = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: otherDevice.refreshToken } });
    expect(other.statusCode).toBe(200);
  });

  it('answers 204 for a token that is not ours or already revoked, and 400 without one', async () => {
    const session = await login();
    for (const refreshToken of [session.refreshToken, session.refreshToken, 'not-a-token']) {
      expect((await app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken } })).statusCode).toBe(204);
    }
    expect((await app.inject({ method: 'POST', url: '/auth/logout', payload: {} })).statusCode).toBe(400);
  });
});
