import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

// Sơn Bình and Giang Ma are two communes of Tam Đường (Lai Châu) in the seed catalog.
const sonBinh = '106-03413';
const giangMa = '106-03405';

describe('who may see and change a dossier, through the API (real Temporal and PostgreSQL)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let sonBinhOfficer: Call;
  let giangMaOfficer: Call;
  let dossierId: string;

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json'), seed('lao-cai.json')]);
    // Opened before the two-tier reform, so the dossier keeps Lai Châu's district stage.
    h.openOn('2025-06-16');
    sonBinhOfficer = await h.callAs({ username: 'can-bo-son-binh', grants: [{ role: 'commune_officer', unitCode: sonBinh, departmentCode: null }] });
    giangMaOfficer = await h.callAs({ username: 'can-bo-giang-ma', grants: [{ role: 'commune_officer', unitCode: giangMa, departmentCode: null }] });
    dossierId = randomUUID();
    const created = await giangMaOfficer('POST', '/dossiers', { commandId: dossierId, unitCode: giangMa, trackCode: 'COMMUNE_NTM', year: 2025 });
    expect(created.status).toBe(201);
  });
  afterAll(() => h.close());

  it('lets Giang Ma’s officer read its dossier and see it in the list', async () => {
    expect((await giangMaOfficer('GET', `/dossiers/${dossierId}`)).status).toBe(200);
    expect((await giangMaOfficer('GET', '/dossiers')).body).toMatchObject({ total: 1, items: [{ id: dossierId }] });
  });

  it('answers Sơn Bình’s officer as if Giang Ma’s dossier did not exist: 404, no count, no id', async () => {
    const read = await sonBinhOfficer('GET', `/dossiers/${dossierId}`);
    expect(read.status).toBe(404);
    expect(read.body.detail).not.toContain(giangMa);
    expect((await sonBinhOfficer('GET', '/dossiers')).body).toMatchObject({ total: 0, items: [] });
    expect((await sonBinhOfficer('GET', `/dossiers?unit=${giangMa}`)).body).toMatchObject({ total: 0, items: [] });
    expect((await sonBinhOfficer('GET', `/dossiers/${dossierId}/decision`)).status).toBe(404);
    expect((await sonBinhOfficer('GET', `/dossiers/${dossierId}/decision.pdf`)).status).toBe(404);
  });

  it('refuses Sơn Bình’s officer every command on it, leaving the dossier and its history as they were', async () => {
    const before = await h.db.auditEvent.count({ where: { dossierId } });
    const commands: Array<[string, string, object]> = [
      ['PUT', `/dossiers/${dossierId}/criteria/TC01/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' }],
      ['PUT', `/dossiers/${dossierId}/posting`, { commandId: randomUUID(), startDate: '2024-01-02' }],
      ['POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() }],
      ['POST', `/dossiers/${dossierId}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null }],
    ];
    for (const [method, url, body] of commands) expect((await sonBinhOfficer(method as 'PUT' | 'POST', url, body)).status, url).toBe(404);
    // Opening a dossier for another commune is refused outright.
    expect((await sonBinhOfficer('POST', '/dossiers', { commandId: randomUUID(), unitCode: giangMa, trackCode: 'COMMUNE_NTM', year: 2026 })).status).toBe(403);
    expect(await h.db.auditEvent.count({ where: { dossierId } })).toBe(before);
    expect(await h.db.dossier.count()).toBe(1);
  });

  it('lets the district read but not edit, and the province read but not confirm: 403 for what they can see', async () => {
    const district = await h.callAs({ username: 'can-bo-tam-duong', grants: [{ role: 'district_officer', unitCode: '106', departmentCode: null }] });
    const province = await h.callAs({ username: 'van-phong-tinh', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    expect((await district('GET', `/dossiers/${dossierId}`)).status).toBe(200);
    const edit = await district('PUT', `/dossiers/${dossierId}/satisfaction`, { commandId: randomUUID(), percent: 90 });
    expect(edit.status).toBe(403);
    expect(edit.body.title).toBe('Không có quyền thực hiện');
    expect((await province('GET', `/dossiers/${dossierId}`)).status).toBe(200);
    expect((await province('POST', `/dossiers/${dossierId}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null })).status).toBe(403);
  });

  it('refuses a department officer a criterion its department does not appraise, before the workflow is asked', async () => {
    const view = (await giangMaOfficer('GET', `/dossiers/${dossierId}`)).body as { criteria: Array<{ code: string }> };
    const assignments = await h.db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { appraisers: true } });
    const [first] = assignments.appraisers as Array<{ departmentCode: string; criterionCodes: string[] }>;
    if (!first) throw new Error('the seed assigns every criterion');
    const notAssigned = view.criteria.map((c) => c.code).find((c) => !first.criterionCodes.includes(c));
    const officer = await h.callAs({ username: 'can-bo-so', grants: [{ role: 'department_officer', unitCode: '12', departmentCode: first.departmentCode }] });
    const res = await officer('PUT', `/dossiers/${dossierId}/criteria/${notAssigned}/appraisal`, { commandId: randomUUID(), departmentCode: first.departmentCode, verdict: 'met', reason: null });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain(String(notAssigned));
  });

  it('keeps the catalog to system administrators and the audit trail to auditors', async () => {
    const importAs = (call: Call) => call('POST', '/catalog/import?dryRun=true', seed('lai-chau.json') as object);
    expect((await importAs(giangMaOfficer)).status).toBe(403);
    const admin = await h.callAs({ username: 'quan-tri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
    expect((await importAs(admin)).status).toBe(200);
    expect((await admin('GET', `/dossiers/${dossierId}`)).status).toBe(404);
    expect((await giangMaOfficer('GET', '/audit/verification')).status).toBe(403);
    const auditor = await h.callAs({ username: 'kiem-toan', grants: [{ role: 'auditor', unitCode: null, departmentCode: null }] });
    expect((await auditor('GET', '/audit/verification')).body).toMatchObject({ ok: true, brokenAt: null });
  });

  it('lets a provincial auditor read its own units’ share of the audit trail, and no other', async () => {
    const auditor = await h.callAs({ username: 'kiem-toan-lai-chau', grants: [{ role: 'auditor', unitCode: '12', departmentCode: null }] });
    const ofUnit = async (unit: string) => (await auditor('GET', `/audit/events?unit=${unit}&limit=1000`)) as { status: number; body: unknown };
    const lch = await ofUnit('12');
    expect(lch.status).toBe(200);
    expect((lch.body as Array<{ dossierId: string | null }>).some((e) => e.dossierId === dossierId)).toBe(true);
    // Than Uyên is in Lai Châu but Giang Ma is not in Than Uyên.
    const thanUyen = await ofUnit('110');
    expect((thanUyen.body as Array<{ dossierId: string | null }>).some((e) => e.dossierId === dossierId)).toBe(false);
    expect((await ofUnit('10')).status).toBe(403);
    // The whole trail and its verification are national tasks.
    const whole = await auditor('GET', '/audit/events');
    expect(whole.status).toBe(403);
    expect(whole.body.detail).toContain('tham số unit');
    expect((await auditor('GET', '/audit/verification')).status).toBe(403);
  });

  it('shows each dossier’s history from the audit trail: who, in which role, by which request', async () => {
    const history = (await giangMaOfficer('GET', `/dossiers/${dossierId}`)).body.history as Array<Record<string, unknown>>;
    expect(history[0]).toMatchObject({ type: 'dossier.opened', actor: 'can-bo-giang-ma', role: 'commune_officer', requestId: expect.any(String) });
  });

  it('reports the first tampered audit row when someone changes it behind the triggers', async () => {
    const auditor = await h.callAs({ username: 'kiem-toan-2', grants: [{ role: 'auditor', unitCode: null, departmentCode: null }] });
    const [row] = await h.db.auditEvent.findMany({ where: { dossierId }, orderBy: { seq: 'asc' }, take: 1 });
    if (!row) throw new Error('the opening is audited');
    // Only someone with the database owner's rights can do this; the hash chain still shows it.
    await h.db.$transaction([
      h.db.$executeRawUnsafe('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'),
      h.db.$executeRaw`UPDATE audit_events SET actor = 'someone-else' WHERE seq = ${row.seq}`,
      h.db.$executeRawUnsafe('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete'),
    ]);
    const report = await auditor('GET', '/audit/verification');
    expect(report.body).toMatchObject({ ok: false, brokenAt: { seq: row.seq.toString(), reason: 'hash_mismatch' } });
  });
});
