import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { createHttpApp } from '@ntm/http';
import { testConfig } from '@ntm/testing';
import { registerIdentity } from './index.js';

let scratch: ScratchDatabase;
let db: Db;

beforeAll(async () => {
  scratch = await createScratchDatabase(testConfig().postgres.url, { prefix: 'ntm_login_limit' });
  db = createPrismaClient(scratch.url, { max: 2 });
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe('password spraying: one IP trying many usernames', () => {
  it('is stopped by the per-IP limit although each username stays under its own', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'ntm-login-limit-')), 'local-issuer.pem');
    const config = testConfig({ NTM_AUTH_LOCAL_ISSUER: 'true', NTM_AUTH_LOCAL_KEY_FILE: keyFile, NTM_LOGIN_RATE_LIMIT: '5', NTM_LOGIN_RATE_LIMIT_PER_IP: '4' });
    const app = createHttpApp({ logger: false });
    await registerIdentity(app, { config, db });
    await app.ready();
    const attempt = (username: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: 'doan-mo' }, remoteAddress });

    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await attempt(`nguoi.dung.${i}`, '10.1.1.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await attempt('nguoi.dung.6', '10.1.1.1');
    expect(refused.json()).toMatchObject({ type: 'urn:ntm:problem:rate-limited', title: 'Quá nhiều yêu cầu' });
    expect(refused.json<{ detail: string }>().detail).toMatch(/từ địa chỉ này/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect((await attempt('nguoi.dung.1', '10.1.1.2')).statusCode).toBe(401);
    await app.close();
  });
});
