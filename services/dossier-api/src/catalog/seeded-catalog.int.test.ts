import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { seedCatalog } from '@ntm/catalog';
import { createPrismaClient, createScratchDatabase, type Db, type ScratchDatabase } from '@ntm/db';
import { createStorage } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { signInAs } from '@ntm/identity/testing';
import { buildDossierApi } from '../app.js';

const config = testConfig();

describe('the seed catalog a fresh system loads', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let app: Awaited<ReturnType<typeof buildDossierApi>>;
  // The catalog is written by a system administrator, and read by anyone signed in.
  let authorization: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
    await seedCatalog(db);
    const temporal = new Client({ connection: Connection.lazy({ address: config.temporal.address }) });
    app = await buildDossierApi({ config, db, probes: [], temporal, taskQueue: 'unused', storage: createStorage(config.s3) }, { logger: false });
    authorization = await signInAs(db, config, { username: 'quan-tri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
  });
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    await scratch.drop();
  });

  const get = async <T>(url: string) => (await app.inject({ method: 'GET', url, headers: { authorization } })).json<T>();

  it('loads each seed once: a second run changes nothing', async () => {
    expect(await seedCatalog(db)).toEqual([]);
  });

  it('answers the unit tree of Lai Châu: its districts, and communes under them', async () => {
    type Node = { name: string; level: string; children: Node[] };
    const tree = await get<Node>('/catalog/units/12/tree');
    expect(tree.name).toBe('Tỉnh Lai Châu');
    expect(tree.children.map((d) => d.name)).toEqual(expect.arrayContaining(['Huyện Tam Đường', 'Huyện Than Uyên', 'Huyện Tân Uyên', 'Huyện Phong Thổ']));
    const thanUyen = tree.children.find((d) => d.name === 'Huyện Than Uyên');
    expect(thanUyen?.children.map((c) => c.name)).toEqual(expect.arrayContaining(['Xã Pha Mu', 'Xã Tà Mung', 'Xã Khoen On', 'Xã Tà Hừa']));
  });

  it('answers the 19 national criteria, each with the departments that appraise it in Lai Châu', async () => {
    const criteria = await get<Array<{ criterionNumber: number; criterionName: string; departments: unknown[] }>>('/catalog/provinces/12/assignments?criteriaSet=XA-NTM-2021-2025');
    expect(criteria.map((c) => c.criterionNumber)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(criteria.filter((c) => c.departments.length === 0)).toEqual([]);
    expect(criteria[0]?.criterionName).toBe('Quy hoạch');
  });

  it('finds "Sơn Bình" from "son binh"', async () => {
    const found = await get<{ items: Array<{ name: string; code: string }> }>('/catalog/units?q=son%20binh');
    expect(found.items.map((u) => u.name)).toContain('Xã Sơn Bình');
  });

  it('gives a 2025 commune dossier the 2021–2025 national set', async () => {
    const set = await get<{ code: string; criteria: unknown[] }>('/catalog/tracks/COMMUNE_NTM/criteria-set-in-force?year=2025&province=12');
    expect([set.code, set.criteria.length]).toEqual(['XA-NTM-2021-2025', 19]);
  });

  // Finding a unit of the official lists under the spellings documents use.
  type Item = { code: string; name: string; level: string; match: { quality: string; unsure: boolean } | null };
  const search = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `/catalog/units?${query}`, headers: { authorization } });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Item[]; total: number }>();
  };

  it('finds the official name under i for y and another tone placement, sure of it', async () => {
    expect((await search(`q=${encodeURIComponent('Ma Li Pho')}`)).items).toEqual([expect.objectContaining({ code: '109-03574', name: 'Xã Ma Ly Pho', match: { quality: 'variant', unsure: false } })]);
    expect((await search(`q=${encodeURIComponent('Pa Khóa')}`)).items).toEqual([expect.objectContaining({ code: '108-03527', name: 'Xã Pa Khoá', match: { quality: 'variant', unsure: false } })]);
  });

  it('says it is unsure when one syllable carries another tone mark', async () => {
    const { items } = await search(`q=${encodeURIComponent('Khổng Lao')}&asOf=2024-06-30`);
    expect(items).toEqual([expect.objectContaining({ code: '109-03583', name: 'Xã Khổng Lào', match: { quality: 'approximate', unsure: true } })]);
  });

  it('puts the exact name first, and sees the three-tier units as of 2024 and the two-tier ones as of 2026', async () => {
    const mixed = await search(`q=${encodeURIComponent('Than Uyên')}`);
    expect(mixed.items.every((i) => i.match?.quality === 'exact')).toBe(true);
    expect(mixed.items.map((i) => i.code)).toEqual(expect.arrayContaining(['110', '110-03595', '03595']));
    expect((await search(`q=than%20uyen&asOf=2024-06-30&level=town`)).items.map((i) => [i.code, i.name])).toEqual([['110-03595', 'Thị trấn Than Uyên']]);
    expect((await search(`q=than%20uyen&asOf=2026-01-01`)).items.map((i) => [i.code, i.name])).toEqual([['03595', 'Xã Than Uyên']]);
  });

  it('keeps wards and towns apart from rural communes', async () => {
    const communes = await search('province=12&level=commune&asOf=2024-06-30&pageSize=200');
    expect(communes.total).toBe(94);
    expect(communes.items.every((i) => i.name.startsWith('Xã ') && i.match === null)).toBe(true);
    expect((await search('province=12&level=ward&asOf=2026-01-01')).items.map((i) => i.name).sort()).toEqual(['Phường Tân Phong', 'Phường Đoàn Kết']);
  });
});
