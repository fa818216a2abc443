import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { createStorage } from '@ntm/storage';
import { Client, Connection } from '@temporalio/client';
import { signInAs } from '@ntm/identity/testing';
import { buildDossierApi } from '../app.js';

const config = testConfig();
const set2026 = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', 'commune-set-2026-2030.json'), 'utf8')) as Record<string, unknown>;

describe('catalog API (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildDossierApi>>;
  // The catalog is written by a system administrator, and read by anyone signed in.
  let authorization: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    for (const file of [nationalFixture(), provinceFixture()]) {
      const r = await importCatalog(db, file);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
    // The catalog never calls Temporal; a lazy connection is never opened.
    const temporal = new Client({ connection: Connection.lazy({ address: config.temporal.address }) });
    app = await buildDossierApi({ config, db, probes: [], temporal, taskQueue: 'unused', storage: createStorage(config.s3) }, { logger: false });
    authorization = await signInAs(db, config, { username: 'quan-tri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  const get = async <T>(url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization } });
    return { status: res.statusCode, body: res.json<T>(), type: res.headers['content-type'] };
  };

  it('finds "Sơn Bình" from "son binh", ignoring diacritics and case', async () => {
    const { status, body } = await get<{ items: Array<{ code: string; name: string }>; total: number }>('/catalog/units?q=SON%20binh');
    expect(status).toBe(200);
    expect(body.items.map((u) => u.name)).toEqual(['Xã Sơn Bình']);
    expect(body.total).toBe(1);
  });

  it('answers the unit tree of a province', async () => {
    const { body } = await get<{ code: string; children: Array<{ code: string; children: Array<{ name: string }> }> }>('/catalog/units/P1/tree');
    expect(body.code).toBe('P1');
    expect(body.children.map((d) => d.code)).toEqual(['P1-D1']);
    expect(body.children[0]?.children.map((c) => c.name)).toEqual(['Xã Giang Ma', 'Xã Sơn Bình']);
  });

  it('paginates and filters the unit list', async () => {
    const { body } = await get<{ items: Array<{ code: string }>; total: number; pageSize: number }>('/catalog/units?province=P1&level=commune&pageSize=1&page=2');
    expect(body.total).toBe(2);
    expect(body.pageSize).toBe(1);
    expect(body.items).toHaveLength(1);
  });

  it('answers a unit with its ancestors and its group in each criteria set', async () => {
    const { body } = await get<{ ancestors: Array<{ code: string }>; groupings: Record<string, string>; specialDifficulty: boolean }>('/catalog/units/P1-D1-C2');
    expect(body.ancestors.map((a) => a.code)).toEqual(['P1', 'P1-D1']);
    expect(body.groupings).toEqual({ 'SET-A': 'R2' });
    expect(body.specialDifficulty).toBe(false);
  });

  it('lists each criterion with the departments that appraise it in the province', async () => {
    const { body } = await get<Array<{ criterionCode: string; departments: Array<{ code: string }> }>>('/catalog/provinces/P1/assignments?criteriaSet=SET-A');
    expect(body.map((c) => [c.criterionCode, c.departments.map((d) => d.code).sort()])).toEqual([
      ['C1', ['SXD']],
      ['C2', ['SGT']],
      ['C3', ['SGT', 'SXD']],
    ]);
  });

  it('lists the departments of a province by code, and answers 404 for an unknown province', async () => {
    const { status, body } = await get<Array<{ code: string; name: string; level: string }>>('/catalog/provinces/P1/departments');
    expect(status).toBe(200);
    expect(body.map((d) => [d.code, d.level])).toEqual([
      ['SGT', 'province'],
      ['SXD', 'province'],
    ]);
    expect((await get('/catalog/provinces/NOPE/departments')).status).toBe(404);
  });

  it('words each change of a dry run in Vietnamese, with the name the file gives it', async () => {
    const file = { format: 'ntm-catalog/1', province: provinceFixture().province, holidays: [{ date: '2026-09-02', name: 'Quốc khánh' }], departments: [{ code: 'SXD', name: 'Sở Xây dựng (đổi tên)', level: 'province' }] };
    const res = await app.inject({ method: 'POST', url: '/catalog/import?dryRun=true', payload: file, headers: { authorization } });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ changes: Array<{ description: string }> }>().changes.map((c) => c.description)).toEqual(['Cập nhật sở, ngành SXD (Sở Xây dựng (đổi tên))', 'Thêm ngày nghỉ lễ 02/09/2026 (Quốc khánh)']);
  });

  it('answers an unknown unit with a 404 problem in Vietnamese', async () => {
    const { status, body, type } = await get<{ title: string }>('/catalog/units/NOPE');
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body.title).toBe('Không tìm thấy');
  });

  it('rejects an invalid catalog file with field errors and changes nothing', async () => {
    const before = await get<unknown>('/catalog/provinces/P1/export');
    const bad = { ...provinceFixture(), departments: [{ code: 'SXD', name: '', level: 'ward' }] };
    const res = await app.inject({ method: 'POST', url: '/catalog/import', payload: bad, headers: { authorization } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ errors: Array<{ location: string }> }>().errors.map((e) => e.location).sort()).toEqual(['body.departments.0.level', 'body.departments.0.name']);
    expect((await get<unknown>('/catalog/provinces/P1/export')).body).toEqual(before.body);
  });

  it('imports units from CSV, with a dry run first', async () => {
    const csv = 'code,name,level,parent_code,valid_from,valid_to,group:SET-A\nP1-D1-C3,Xã Tà Hừa,commune,P1-D1,2020-01-01,,R1\n';
    const dry = await app.inject({ method: 'POST', url: '/catalog/provinces/P1/units?dryRun=true', payload: csv, headers: { authorization, 'content-type': 'text/csv' } });
    expect(dry.json()).toEqual({ dryRun: true, changes: [{ entity: 'unit', key: 'P1-D1-C3', action: 'create', description: 'Thêm đơn vị hành chính P1-D1-C3 (Xã Tà Hừa)' }], unchanged: 1 });
    expect((await get('/catalog/units/P1-D1-C3')).status).toBe(404);
    const real = await app.inject({ method: 'POST', url: '/catalog/provinces/P1/units', payload: csv, headers: { authorization, 'content-type': 'text/csv' } });
    expect(real.statusCode).toBe(200);
    expect((await get<{ name: string }>('/catalog/units?q=ta%20hua')).body).toMatchObject({ items: [{ name: 'Xã Tà Hừa' }] });
  });

  it('keeps two criteria-set versions of different shapes; each year gets the one in force', async () => {
    const imported = await app.inject({ method: 'POST', url: '/catalog/import', payload: set2026, headers: { authorization } });
    expect(imported.statusCode).toBe(200);
    const track = { ...nationalFixture().tracks?.[0], criteriaSetCodes: ['SET-A', 'TEST-XA-2026-2030'] };
    expect((await app.inject({ method: 'POST', url: '/catalog/import', payload: { format: 'ntm-catalog/1', tracks: [track] }, headers: { authorization } })).statusCode).toBe(200);

    type SetView = { code: string; groups: unknown[]; criteria: Array<{ indicators: unknown[] }> };
    const y2025 = await get<SetView>('/catalog/tracks/T-NTM/criteria-set-in-force?year=2025');
    const y2026 = await get<SetView>('/catalog/tracks/T-NTM/criteria-set-in-force?year=2026');
    expect([y2025.body.code, y2025.body.criteria.length, y2025.body.groups.length]).toEqual(['SET-A', 3, 2]);
    expect([y2026.body.code, y2026.body.criteria.length, y2026.body.groups.length]).toEqual(['TEST-XA-2026-2030', 10, 3]);
    expect(y2026.body.criteria.flatMap((c) => c.indicators)).toHaveLength(47);
    expect((await get('/catalog/tracks/T-NTM/criteria-set-in-force?year=2031')).status).toBe(404);
  });
});
