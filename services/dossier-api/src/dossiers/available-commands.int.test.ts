import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import type { TestUser } from '@ntm/identity/testing';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call, type DossierHarness } from './test-harness.js';

const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;
const phaMuOfficer: TestUser = { username: 'xa.phamu', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] };
const sonBinhOfficer: TestUser = { username: 'xa.sonbinh', grants: [{ role: 'commune_officer', unitCode: '106-03413', departmentCode: null }] };
const provincialOffice: TestUser = { username: 'tinh.vpdp', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] };

describe('what the portal asks of a dossier: available commands and the submission checklist', () => {
  let h: DossierHarness;
  let phaMu: Call;
  let id: string;

  beforeAll(async () => {
    h = await startDossierHarness(testConfig(), [seed('national.json'), seed('lai-chau.json')]);
    h.openOn('2025-06-16');
    phaMu = await h.callAs(phaMuOfficer);
    id = randomUUID();
    expect((await phaMu('POST', '/dossiers', { commandId: id, unitCode: '110-03628', trackCode: 'COMMUNE_NTM', year: 2025 })).status).toBe(201);
  });
  afterAll(() => h.close());

  it('lists for each person what the authorization table and the stage allow now', async () => {
    expect((await phaMu('GET', `/dossiers/${id}/available-commands`)).body).toEqual({
      stage: 'SELF_ASSESSMENT',
      commands: ['dossier.read', 'dossier.edit', 'dossier.submit', 'evidence.upload', 'evidence.read', 'evidence.delete'],
      appraisals: [],
    });
    const province = await h.callAs(provincialOffice);
    expect((await province('GET', `/dossiers/${id}/available-commands`)).body).toMatchObject({ commands: ['dossier.read', 'evidence.read'] });
    const sonBinh = await h.callAs(sonBinhOfficer);
    expect((await sonBinh('GET', `/dossiers/${id}/available-commands`)).status).toBe(404);
    expect((await sonBinh('GET', `/dossiers/${id}/checklist`)).status).toBe(404);
  });

  it('gives the checklist the submission rule gives, shrinking as the commune works', async () => {
    const before = (await phaMu('GET', `/dossiers/${id}/checklist`)).body as { ready: boolean; missing: Array<{ kind: string; code: string; message: string }> };
    expect(before.ready).toBe(false);
    expect(before.missing.filter((m) => m.kind === 'criterion_not_assessed')).toHaveLength(19);
    expect(before.missing.map((m) => m.kind)).toEqual(expect.arrayContaining(['document_missing', 'posting_missing', 'satisfaction_missing', 'attestation_missing']));
    expect(before.missing[0]?.message).toMatch(/^Tiêu chí 1 \(.+\) chưa được tự đánh giá\.$/);
    const first = before.missing[0]?.code ?? '';
    expect((await phaMu('PUT', `/dossiers/${id}/criteria/${first}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' })).status).toBe(200);
    const after = (await phaMu('GET', `/dossiers/${id}/checklist`)).body as { missing: Array<{ code: string; message: string }> };
    expect(after.missing.map((m) => m.code)).not.toContain(first);
    expect(after.missing).toHaveLength(before.missing.length - 1);
    // The submit command refuses with the same list.
    const submit = await phaMu('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    expect(submit.status).toBe(422);
    expect(submit.body.errors?.map((e) => e.message).sort()).toEqual(after.missing.map((m) => m.message).sort());
  });
});
