import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import type { UserAccount } from '@ntm/contracts';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { signInAs } from '@ntm/identity/testing';
import { createStorage } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { Client, Connection } from '@temporalio/client';
import { buildDossierApi } from '../app.js';

const config = testConfig();
const admin = 'quan-tri';
const sonBinh = { role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null } as const;
const soXayDung = { role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' } as const;
const adminGrant = { role: 'system_admin', unitCode: null, departmentCode: null } as const;

describe('users API (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildDossierApi>>;
  let authorization: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url, { prefix: 'ntm_users' });
    db = createPrismaClient(scratch.url, { max: 4 });
    for (const file of [nationalFixture(), provinceFixture()]) {
      const r = await importCatalog(db, file);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
    // Users never call Temporal; a lazy connection is never opened.
    const temporal = new Client({ connection: Connection.lazy({ address: config.temporal.address }) });
    app = await buildDossierApi({ config, db, probes: [], temporal, taskQueue: 'unused', storage: createStorage(config.s3) }, { logger: false });
    authorization = await signInAs(db, config, { username: admin, grants: [adminGrant] });
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  const call = async <T>(method: 'GET' | 'PUT', url: string, payload?: object, auth = authorization) => {
    const res = await app.inject({ method, url, headers: { authorization: auth }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json<T>(), type: res.headers['content-type'] };
  };
  const put = (username: string, payload: object, auth = authorization) => call<UserAccount & { detail?: string; errors?: Array<{ location: string; message: string }> }>('PUT', `/users/${username}`, payload, auth);
  const userEvents = (username: string) =>
    db.auditEvent.findMany({ where: { command: { in: ['user.created', 'user.updated'] }, summary: { path: ['after', 'username'], equals: username } }, orderBy: { seq: 'asc' } });
  const snapshot = async () => ({
    users: await db.user.findMany({ orderBy: { username: 'asc' }, include: { grants: { orderBy: [{ role: 'asc' }, { unitCode: 'asc' }] } } }),
    audit: await db.auditEvent.count(),
  });

  it('documents its operations in the OpenAPI description', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, { operationId?: string }>>; components: { schemas: Record<string, unknown> } }>();
    expect([spec.paths['/users']?.get?.operationId, spec.paths['/users/{username}']?.get?.operationId, spec.paths['/users/{username}']?.put?.operationId]).toEqual(['listUsers', 'getUser', 'putUser']);
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['UserAccount', 'UserAccountPut', 'UserGrant']));
  });

  it('creates a user mapped to an OIDC subject, reads it back and finds it in the list', async () => {
    const created = await put('xa.sonbinh', { displayName: 'Công chức xã Sơn Bình', oidcSubject: 'f3c1-sub-sonbinh', grants: [sonBinh] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'xa.sonbinh', oidcSubject: 'f3c1-sub-sonbinh', disabled: false, hasPassword: false, grants: [sonBinh] });
    expect(created.body).not.toHaveProperty('passwordHash');

    const read = await call<UserAccount>('GET', '/users/xa.sonbinh');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    await put('so.xaydung', { displayName: 'Chuyên viên Sở Xây dựng', grants: [soXayDung] });
    type Page = { items: UserAccount[]; total: number; page: number; pageSize: number };
    const byName = await call<Page>('GET', `/users?q=${encodeURIComponent('sơn bình')}`);
    expect(byName.body.items.map((u) => u.username)).toEqual(['xa.sonbinh']);
    expect((await call<Page>('GET', '/users?q=XA.SON')).body.items.map((u) => u.username)).toEqual(['xa.sonbinh']);
    const byRole = await call<Page>('GET', '/users?role=department_officer');
    expect(byRole.body).toMatchObject({ total: 1, items: [{ username: 'so.xaydung', grants: [soXayDung] }] });
    const paged = await call<Page>('GET', '/users?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(paged.body.items.map((u) => u.username)).toEqual(['so.xaydung']);
    expect(JSON.stringify(paged.body)).not.toMatch(/argon2|passwordHash/);
    expect((await call('GET', '/users/khong.co')).status).toBe(404);
  });

  it('refuses everyone but a system administrator, and changes nothing', async () => {
    const commune = await signInAs(db, config, { username: 'xa.giangma', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C2', departmentCode: null }] });
    const before = await snapshot();
    for (const res of [
      await call('GET', '/users', undefined, commune),
      await call('GET', '/users/xa.sonbinh', undefined, commune),
      await put('xa.giangma', { displayName: 'Tự cấp quyền', grants: [adminGrant] }, commune),
      await put('moi.tao', { displayName: 'Người mới', grants: [] }, commune),
    ]) {
      expect(res.status).toBe(403);
      expect(res.type).toMatch(/^application\/problem\+json/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses grants that break the role rules or name what the catalog lacks, one error per field, and writes nothing', async () => {
    const before = await snapshot();
    const res = await put('xa.sonbinh', {
      displayName: 'Đổi tên',
      grants: [
        { role: 'commune_officer', unitCode: null, departmentCode: null },
        { role: 'department_officer', unitCode: 'P1', departmentCode: 'KHONG-CO' },
        { role: 'commune_officer', unitCode: 'P1-D1', departmentCode: null },
        { role: 'district_officer', unitCode: 'KHONG-CO', departmentCode: null },
        { role: 'system_admin', unitCode: 'P1', departmentCode: null },
        { role: 'department_officer', unitCode: 'P1', departmentCode: null },
        sonBinh,
      ],
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body.errors?.map((e) => e.location)).toEqual([
      'body.grants.0.unitCode',
      'body.grants.1.departmentCode',
      'body.grants.2.unitCode',
      'body.grants.3.unitCode',
      'body.grants.4.unitCode',
      'body.grants.5.departmentCode',
    ]);
    expect(res.body.errors?.find((e) => e.location === 'body.grants.2.unitCode')?.message).toBe('Đơn vị "P1-D1" là cấp huyện; vai trò công chức xã cần một đơn vị cấp xã.');
    expect(res.body.errors?.find((e) => e.location === 'body.grants.3.unitCode')?.message).toBe('Không có đơn vị "KHONG-CO" trong danh mục.');
    expect((await put('moi.tao', { displayName: 'Người mới', grants: [{ role: 'auditor', unitCode: 'KHONG-CO', departmentCode: null }] })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps an administrator from disabling themselves or dropping their own system_admin grant', async () => {
    const before = await snapshot();
    const dropped = await put(admin, { displayName: admin, grants: [sonBinh] });
    expect(dropped.status).toBe(409);
    expect(dropped.body.detail).toContain('Không thể tự bỏ vai trò quản trị hệ thống');
    const disabled = await put(admin, { displayName: admin, disabled: true, grants: [adminGrant] });
    expect(disabled.status).toBe(409);
    expect(disabled.body.detail).toContain('Không thể tự khóa tài khoản');
    expect(await snapshot()).toEqual(before);
    // Keeping the grant while adding another is fine.
    expect((await put(admin, { displayName: 'Quản trị hệ thống', grants: [adminGrant, { role: 'auditor', unitCode: null, departmentCode: null }] })).status).toBe(200);
  });

  it('refuses an OIDC subject another user already has', async () => {
    const res = await put('xa.khac', { displayName: 'Người khác', oidcSubject: 'f3c1-sub-sonbinh', grants: [] });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('"xa.sonbinh"');
    expect((await call('GET', '/users/xa.khac')).status).toBe(404);
  });

  it('sets a password that signs in through the built-in issuer; disabling then refuses the token and its refresh', async () => {
    const password = 'mat-khau-tam-2025';
    expect((await put('xa.moi', { displayName: 'Công chức mới', password, grants: [sonBinh] })).body.hasPassword).toBe(true);
    const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'xa.moi', password } });
    expect(login.statusCode).toBe(200);
    const { accessToken, refreshToken } = login.json<{ accessToken: string; refreshToken: string }>();
    const me = () => app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${accessToken}` } });
    expect((await me()).json()).toMatchObject({ username: 'xa.moi', grants: [sonBinh] });

    const disabled = await put('xa.moi', { displayName: 'Công chức mới', disabled: true, grants: [sonBinh] });
    expect(disabled.body).toMatchObject({ disabled: true, hasPassword: true });
    expect((await me()).statusCode).toBe(401);
    expect(await db.refreshToken.count({ where: { user: { username: 'xa.moi' } } })).toBe(0);
    const refreshed = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
    expect(refreshed.statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'xa.moi', password } })).statusCode).toBe(401);
  });

  it('records each change as exactly one audit event with before and after, never the password', async () => {
    await put('tk.audit', { displayName: 'Tài khoản A', grants: [sonBinh] });
    await put('tk.audit', { displayName: 'Tài khoản A', grants: [sonBinh] }); // changes nothing: no event
    await put('tk.audit', { displayName: 'Tài khoản B', oidcSubject: 'sub-b', password: 'mot-mat-khau-bi-mat', grants: [soXayDung] });
    const events = await userEvents('tk.audit');
    expect(events.map((e) => [e.command, e.actor, e.role, e.unitCode, e.dossierId])).toEqual([
      ['user.created', admin, 'system_admin', null, null],
      ['user.updated', admin, 'system_admin', null, null],
    ]);
    expect(events.every((e) => e.requestId !== null)).toBe(true);
    expect(events[0]?.summary).toEqual({
      before: null,
      after: { username: 'tk.audit', displayName: 'Tài khoản A', oidcSubject: null, disabled: false, hasPassword: false, grants: [sonBinh], passwordChanged: false },
    });
    expect(events[1]?.summary).toMatchObject({
      before: { displayName: 'Tài khoản A', grants: [sonBinh], hasPassword: false },
      after: { displayName: 'Tài khoản B', oidcSubject: 'sub-b', grants: [soXayDung], hasPassword: true, passwordChanged: true },
    });
    expect(JSON.stringify(events.map((e) => e.summary))).not.toMatch(/mot-mat-khau-bi-mat|argon2/);
    // The earlier tests' changes too: one event per successful PUT that changed something.
    expect((await userEvents('xa.moi')).map((e) => e.command)).toEqual(['user.created', 'user.updated']);
    expect((await userEvents('xa.sonbinh')).map((e) => e.command)).toEqual(['user.created']);
  });
});
