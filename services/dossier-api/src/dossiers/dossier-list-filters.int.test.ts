import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call, type DossierHarness } from './test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

// Seed catalog (Lai Châu before its two-tier reform): Pha Mu is in Than Uyên (110), Sơn Bình and Giang Ma in Tam Đường (106).
const phaMu = '110-03628';
const sonBinh = '106-03413';
const giangMa = '106-03405';

type Item = { id: string; districtCode: string | null; stage: string; late: boolean; stepDueDate: string | null };
type Page = { items: Item[]; total: number };

async function opened(h: DossierHarness, unitCode: string): Promise<string> {
  const id = randomUUID();
  expect((await h.call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year: 2025 })).status).toBe(201);
  return id;
}

/** Every criterion met, every document attached, the conditions recorded, then submitted. */
async function submitted(h: DossierHarness, id: string): Promise<void> {
  const view = (await h.call('GET', `/dossiers/${id}`)).body as { criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
  for (const c of view.criteria) await h.call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
  for (const d of view.documents) await h.call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
  await meetSubmissionConditions(h.call, id);
  expect((await h.call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toMatchObject({ stage: 'APPRAISAL' });
}

describe('the dossier list filtered by district, stage and lateness (real Temporal and PostgreSQL)', () => {
  let h: DossierHarness;
  let list: (query: string) => Promise<Page>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    h.openOn('2025-06-16');
    // Pha Mu's dossier was submitted on 16 June 2025: its appraisal step (20 working days) is long overdue.
    ids.phaMu = await opened(h, phaMu);
    // The workflow dates the opening move by the system clock (openOn dates only the plan): put it
    // on the morning of the day, before the submission received that day.
    await h.db.dossierEvent.updateMany({ where: { dossierId: ids.phaMu, toStage: { not: null } }, data: { occurredAt: new Date('2025-06-16T01:00:00Z') } });
    h.receiveCommandsAt(new Date('2025-06-16T03:00:00Z'));
    await submitted(h, ids.phaMu);
    h.receiveCommandsAt(null);
    // Opened today: their self-assessment step (30 days) has only begun.
    ids.sonBinh = await opened(h, sonBinh);
    ids.giangMa = await opened(h, giangMa);
    const office = await h.callAs({ username: 'tinh-lai-chau', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    list = async (query) => {
      const res = await office('GET', `/dossiers?${query}`);
      expect(res.status, query).toBe(200);
      return res.body as unknown as Page;
    };
  }, 240_000);
  afterAll(() => h.close());

  const idsOf = (page: Page) => page.items.map((i) => i.id).sort();

  it('filters by district and by stage, alone and together', async () => {
    expect(idsOf(await list('district=106'))).toEqual([ids.sonBinh, ids.giangMa].sort());
    expect(idsOf(await list('district=110'))).toEqual([ids.phaMu]);
    expect(idsOf(await list('stage=APPRAISAL'))).toEqual([ids.phaMu]);
    expect(idsOf(await list('stage=SELF_ASSESSMENT&district=106'))).toEqual([ids.sonBinh, ids.giangMa].sort());
    expect((await list('stage=APPRAISAL&district=106')).total).toBe(0);
  });

  it("rates each dossier late as its process-control record rates its current step, and filters by it with the page's total", async () => {
    const all = await list('');
    expect(all.total).toBe(3);
    for (const item of all.items) {
      const view = (await h.call('GET', `/dossiers/${item.id}`)).body as { processControl: { steps: Array<{ dueDate: string | null; status: string }> } };
      const current = view.processControl.steps.at(-1);
      expect(item.late, item.id).toBe(current?.status === 'overdue');
      expect(item.stepDueDate, item.id).toBe(current?.dueDate ?? null);
    }
    const late = await list('late=true');
    expect(late).toMatchObject({ total: 1, items: [{ id: ids.phaMu, late: true, stage: 'APPRAISAL' }] });
    expect(late.items[0]?.stepDueDate).toMatch(/^2025-07-/);
    const onTime = await list('late=false');
    expect(idsOf(onTime)).toEqual([ids.sonBinh, ids.giangMa].sort());
    expect(onTime.items.every((i) => !i.late)).toBe(true);
    // The page is cut after the lateness filter: the second page of one holds the older on-time dossier.
    expect(await list('late=false&pageSize=1&page=2')).toMatchObject({ total: 2, items: [{ id: ids.sonBinh }] });
    expect((await list('late=true&district=106')).total).toBe(0);
  });

  it("gives a district officer only its district's dossiers, whatever district it asks for", async () => {
    const district: Call = await h.callAs({ username: 'huyen-tam-duong', grants: [{ role: 'district_officer', unitCode: '106', departmentCode: null }] });
    expect(((await district('GET', '/dossiers')).body as unknown as Page).total).toBe(2);
    expect((await district('GET', '/dossiers?district=110')).body).toMatchObject({ total: 0, items: [] });
    expect((await district('GET', '/dossiers?district=106&late=false')).body).toMatchObject({ total: 2 });
  });

  it('answers a bad filter value with a 400 problem in Vietnamese naming the field', async () => {
    const authorization = await h.authorizationOf({ username: 'tinh-lai-chau', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    for (const [query, field] of [
      ['late=maybe', 'querystring.late'],
      ['district=', 'querystring.district'],
      ['year=hai-nghin', 'querystring.year'],
    ]) {
      const res = await h.app.inject({ method: 'GET', url: `/dossiers?${query}`, headers: { authorization } });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json<{ title: string; errors: Array<{ location: string; message: string }> }>();
      expect(problem.title).toBe('Dữ liệu không hợp lệ');
      expect(problem.errors.map((e) => e.location)).toEqual([field]);
    }
    const late = await h.app.inject({ method: 'GET', url: '/dossiers?late=maybe', headers: { authorization } });
    expect(late.json<{ errors: Array<{ message: string }> }>().errors[0]?.message).toBe('phải là một trong các giá trị: "true", "false"');
  });
});
