import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call } from '../dossiers/test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;
const admin = { username: 'quan-tri.sapnhap', grants: [{ role: 'system_admin' as const, unitCode: null, departmentCode: null }] };

// The mapping is the province's to give; this one, of four former Than Uyên communes into two
// post-reform communes (codes of the 1 July 2025 list), is invented for the test.
describe('a province registers its merged units (JSON or CSV, all or nothing, dry run)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let asAdmin: Call;
  const csv = async (body: string, query = '') => {
    const res = await h.app.inject({ method: 'POST', url: `/catalog/provinces/12/mergers${query}`, payload: body, headers: { authorization: await h.authorizationOf(admin), 'content-type': 'text/csv' } });
    return { status: res.statusCode, body: res.json<Record<string, unknown> & { errors?: Array<{ location: string; message: string }> }>() };
  };

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    asAdmin = await h.callAs(admin);
  });
  afterAll(() => h.close());

  it('refuses a CSV with bad rows whole, naming each row and column, and writes nothing', async () => {
    const res = await csv(['former_code,new_code,effective_on', '110-03628,03637,2025-07-01', '110-XXX,03637,2025-07-01', '110-03638,03637,1/7/2025', '110-03628,03640,2025-07-01', '110,03637,2025-07-01'].join('\n'));
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('Dữ liệu không hợp lệ');
    expect(res.body.errors?.map((e) => e.location)).toEqual(['body.rows.4.effective_on']);
    const refs = await csv(['former_code,new_code,effective_on', '110-03628,03637,2025-07-01', '110-XXX,03637,2025-07-01', '110-03628,03640,2025-07-01', '110,03637,2025-07-01'].join('\n'));
    expect(refs.status).toBe(400);
    expect(refs.body.errors).toEqual([
      { location: 'body.rows.3.former_code', message: 'không có đơn vị "110-XXX" trong danh mục' },
      { location: 'body.rows.4.former_code', message: 'đơn vị cũ "110-03628" lặp lại, đã có ở body.rows.2.former_code' },
      { location: 'body.rows.5.new_code', message: 'đơn vị cũ cấp "district" không thể sáp nhập vào đơn vị cấp "commune"' },
    ]);
    expect(await h.db.unitMerger.count()).toBe(0);
  });

  it('answers a dry run without writing, then registers; the former units end the day before', async () => {
    const table = ['former_code,new_code,effective_on', '110-03628,03637,2025-07-01', '110-03638,03637,2025-07-01'].join('\n');
    const dry = await csv(table, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 2, unchanged: 0 });
    expect(await h.db.unitMerger.count()).toBe(0);

    const done = await csv(table);
    expect(done.body).toMatchObject({ dryRun: false, created: 2, mergers: [{ formerUnitCode: '110-03628', formerUnitName: 'Xã Pha Mu', newUnitCode: '03637', newUnitName: 'Xã Mường Kim', effectiveOn: '2025-07-01' }, { formerUnitCode: '110-03638' }] });
    expect((await asAdmin('GET', '/catalog/units/110-03628')).body).toMatchObject({ validTo: '2025-06-30', mergedInto: [{ code: '03637', name: 'Xã Mường Kim', mergedOn: '2025-07-01' }] });
    // The same table again changes nothing.
    expect((await csv(table)).body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('takes JSON too, and refuses a former unit already merged elsewhere', async () => {
    const ok = await asAdmin('POST', '/catalog/provinces/12/mergers', { mergers: [{ formerUnitCode: '110-03643', newUnitCode: '03640', effectiveOn: '2025-07-01' }] });
    expect(ok.status).toBe(200);
    const again = await asAdmin('POST', '/catalog/provinces/12/mergers', { mergers: [{ formerUnitCode: '110-03628', newUnitCode: '03640', effectiveOn: '2025-07-01' }] });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ location: 'body.mergers.0.formerUnitCode', message: 'đơn vị "110-03628" đã được đăng ký sáp nhập vào "03637" từ ngày 2025-07-01' }]);
    expect((await asAdmin('GET', '/catalog/provinces/12/mergers')).body).toHaveLength(3);
  });

  it('is the administrators’ to change', async () => {
    const office = await h.callAs({ username: 'tinh.vpdp', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    const res = await office('POST', '/catalog/provinces/12/mergers', { mergers: [{ formerUnitCode: '110-03634', newUnitCode: '03640', effectiveOn: '2025-07-01' }] });
    expect(res.status).toBe(403);
  });
});
