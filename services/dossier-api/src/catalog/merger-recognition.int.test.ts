import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from '../dossiers/test-harness.js';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

type Proposal = { proposed: boolean; mergedOn: string | null; formerDecisions: Array<{ unitCode: string; decisionNumber: string }>; reasons: Array<{ unitCode: string | null; message: string }> };

describe('a merged commune is recognised on its former communes’ decisions only when all of them held one (2025 reform)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let office: Call;
  let commune: Call;

  /** Carries a 2024 commune dossier through the whole process to a recognition, as the every-step user. */
  const recognise = async (unitCode: string, number: string) => {
    const { call } = h;
    const id = randomUUID();
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body as Record<string, unknown>;
    };
    await ok(call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year: 2024 }));
    const view = async () => (await call('GET', `/dossiers/${id}`)).body as unknown as { criteria: Array<{ code: string }>; documents: Array<{ code: string }>; appraisalTasks: Array<{ departmentCode: string; criterionCodes: string[] }> };
    const opened = await view();
    for (const c of opened.criteria) await ok(call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' }));
    for (const d of opened.documents) await ok(call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) }));
    await meetSubmissionConditions(call, id);
    await ok(call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() }));
    for (const t of (await view()).appraisalTasks) {
      for (const c of t.criterionCodes) await ok(call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null }));
    }
    await ok(call('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm' }));
    const decided = await ok(call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number, date: '2024-12-20', effectiveDate: '2024-12-20', signer: 'Người ký thử' }));
    expect(decided.stage).toBe('RECOGNISED');
  };

  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    office = await h.callAs({ username: 'tinh.vpdp', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] });
    commune = await h.callAs({ username: 'xa.muongkim', grants: [{ role: 'commune_officer', unitCode: '03637', departmentCode: null }] });
    h.openOn('2024-03-01');
    await recognise('110-03628', '101/QĐ-UBND');
    await recognise('110-03638', '102/QĐ-UBND');
    await recognise('110-03643', '103/QĐ-UBND');
    h.openOn(null);
    // An invented mapping (the province gives the real one): Pha Mu and Tà Mung into Mường Kim,
    // Khoen On (recognised) and Tà Hừa (not) into the new Khoen On.
    const admin = await h.callAs({ username: 'quan-tri', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
    const mergers = [['110-03628', '03637'], ['110-03638', '03637'], ['110-03643', '03640'], ['110-03634', '03640']].map(([formerUnitCode, newUnitCode]) => ({ formerUnitCode, newUnitCode, effectiveOn: '2025-07-01' }));
    expect((await admin('POST', '/catalog/provinces/12/mergers', { mergers })).status).toBe(200);
  }, 240_000);
  afterAll(() => h.close());

  it('proposes a provincial decision for Mường Kim, listing the former decisions, and the provincial office issues it', async () => {
    const proposal = (await commune('GET', '/catalog/units/03637/merger-recognition?track=COMMUNE_NTM')).body as unknown as Proposal;
    expect(proposal).toMatchObject({ proposed: true, mergedOn: '2025-07-01', reasons: [] });
    expect(proposal.formerDecisions.map((d) => [d.unitCode, d.decisionNumber])).toEqual([['110-03628', '101/QĐ-UBND'], ['110-03638', '102/QĐ-UBND']]);

    const body = { commandId: randomUUID(), trackCode: 'COMMUNE_NTM', number: '701/QĐ-UBND', date: '2025-08-15', signer: 'Người ký thử' };
    // The commune cannot issue it; the provincial office can, once.
    expect((await commune('POST', '/catalog/units/03637/merger-recognition', body)).status).toBe(403);
    const issued = await office('POST', '/catalog/units/03637/merger-recognition', body);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({ unitCode: '03637', number: '701/QĐ-UBND', signedOn: '2025-08-15', mergedOn: '2025-07-01', formerDecisions: [{ unitCode: '110-03628' }, { unitCode: '110-03638' }] });
    expect((await office('POST', '/catalog/units/03637/merger-recognition', body)).status).toBe(200);

    // The new unit holds the recognition and shows its former units with their own.
    const detail = (await commune('GET', '/catalog/units/03637')).body as unknown as { recognitions: Array<{ decisionNumber: string; status: string }>; formerUnits: Array<{ code: string; mergedOn: string; recognitions: Array<{ decisionNumber: string }> }> };
    expect(detail.recognitions).toMatchObject([{ decisionNumber: '701/QĐ-UBND', status: 'active' }]);
    expect(detail.formerUnits.map((u) => [u.code, u.mergedOn, u.recognitions.map((r) => r.decisionNumber)])).toEqual([
      ['110-03628', '2025-07-01', ['101/QĐ-UBND']],
      ['110-03638', '2025-07-01', ['102/QĐ-UBND']],
    ]);
    // Recognised now: nothing more to propose.
    expect(((await commune('GET', '/catalog/units/03637/merger-recognition')).body as unknown as Proposal).proposed).toBe(false);
  });

  it('proposes nothing for the new Khoen On, one of whose parts was not recognised, and refuses to issue it', async () => {
    const proposal = (await office('GET', '/catalog/units/03640/merger-recognition?track=COMMUNE_NTM')).body as unknown as Proposal;
    expect(proposal.proposed).toBe(false);
    expect(proposal.formerDecisions.map((d) => d.unitCode)).toEqual(['110-03643']);
    expect(proposal.reasons).toEqual([{ unitCode: '110-03634', message: 'Xã Tà Hừa không có quyết định công nhận còn hiệu lực vào ngày sáp nhập 01/07/2025.' }]);
    const refused = await office('POST', '/catalog/units/03640/merger-recognition', { commandId: randomUUID(), trackCode: 'COMMUNE_NTM', number: '702/QĐ-UBND', date: '2025-08-15', signer: 'Người ký thử' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ location: 'formerUnits.110-03634', message: 'Xã Tà Hừa không có quyết định công nhận còn hiệu lực vào ngày sáp nhập 01/07/2025.' }]);
    expect(await h.db.recognition.count({ where: { unitCode: '03640' } })).toBe(0);
  });

  it('refuses a decision number already used that year', async () => {
    await h.db.recognition.deleteMany({ where: { unitCode: '03637' } });
    const res = await office('POST', '/catalog/units/03637/merger-recognition', { commandId: randomUUID(), trackCode: 'COMMUNE_NTM', number: '701/QĐ-UBND', date: '2025-09-01', signer: 'Người ký thử' });
    expect(res.status).toBe(409);
  });
});
