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
    const tree = await get<Node>('/catalog/units/LCH/tree');
    expect(tree.name).toBe('Tỉnh Lai Châu');
    expect(tree.children.map((d) => d.name)).toEqual(expect.arrayContaining(['Huyện Tam Đường', 'Huyện Than Uyên', 'Huyện Tân Uyên', 'Huyện Phong Thổ']));
    const thanUyen = tree.children.find((d) => d.name === 'Huyện Than Uyên');
    expect(thanUyen?.children.map((c) => c.name)).toEqual(expect.arrayContaining(['Xã Pha Mu', 'Xã Tà Mung', 'Xã Khoen On', 'Xã Tà Hừa']));
  });

  it('answers the 19 national criteria, each with the departments that appraise it in Lai Châu', async () => {
    const criteria = await get<Array<{ criterionNumber: number; criterionName: string; departments: unknown[] }>>('/catalog/provinces/LCH/assignments?criteriaSet=XA-NTM-2021-2025');
    expect(criteria.map((c) => c.criterionNumber)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(criteria.filter((c) => c.departments.length === 0)).toEqual([]);
    expect(criteria[0]?.criterionName).toBe('Quy hoạch');
  });

  it('finds "Sơn Bình" from "son binh"', async () => {
    const found = await get<{ items: Array<{ name: string; code: string }> }>('/catalog/units?q=son%20binh');
    expect(found.items.map((u) => u.name)).toContain('Xã Sơn Bình');
  });

  it('gives a 2025 commune dossier the 2021–2025 national set', async () => {
    const set = await get<{ code: string; criteria: unknown[] }>('/catalog/tracks/COMMUNE_NTM/criteria-set-in-force?year=2025&province=LCH');
    expect([set.code, set.criteria.length]).toEqual(['XA-NTM-2021-2025', 19]);
  });
});
