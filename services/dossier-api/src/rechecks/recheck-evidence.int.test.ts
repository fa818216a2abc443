import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import type { TestUser } from '@ntm/identity/testing';
import { testConfig } from '@ntm/testing';
import { bringToDecision, startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { ok, openCampaign } from './recheck-test-support.js';

const config = testConfig();
const communeOf = (unitCode: string): TestUser => ({ username: `xa-${unitCode.toLowerCase()}`, grants: [{ role: 'commune_officer', unitCode, departmentCode: null }] });

describe('new evidence for a unit’s yearly re-check, and what a re-assessment may cite (real Temporal, PostgreSQL, MinIO)', () => {
  let h: DossierHarness;
  let id = '';
  /** The file C1 of the dossier that recognised P1-D1-C1 cited, carried over; one of the other commune's dossier. */
  let carried = '';
  let foreign = '';
  let uploaded = '';

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    for (const [unit, number] of [['P1-D1-C1', '301/QĐ-UBND'], ['P1-D1-C2', '302/QĐ-UBND']] as const) {
      const dossierId = await bringToDecision(h, unit, ['C1']);
      await ok(h.call, 'POST', `/dossiers/${dossierId}/decision`, { commandId: randomUUID(), outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
      const cited = (await h.db.criterionSelfAssessment.findUniqueOrThrow({ where: { dossierId_criterionCode: { dossierId, criterionCode: 'C1' } } })).evidenceIds[0] ?? '';
      if (unit === 'P1-D1-C1') carried = cited;
      else foreign = cited;
    }
    id = (await openCampaign(h, 'P1', 'T-NTM', 2027)).get('P1-D1-C1') ?? '';
  }, 120_000);
  afterAll(async () => {
    for (const r of await h.db.recheck.findMany()) await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${h.scope}`).terminate('test over').catch(() => undefined);
    await h.close();
  });

  it('lists a unit’s re-checks to those who may read them, and to no one else', async () => {
    const own = await ok(await h.callAs(communeOf('P1-D1-C1')), 'GET', '/rechecks?unit=P1-D1-C1');
    expect(own.items).toEqual([expect.objectContaining({ id, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2027, stage: 'self_assessment', outcome: null })]);
    expect(await ok(await h.callAs(communeOf('P1-D1-C2')), 'GET', '/rechecks?unit=P1-D1-C1')).toEqual({ items: [] });
  });

  it('takes a new file from the re-check’s commune, and answers another commune 404 as for a dossier of another unit', async () => {
    const commune = await h.evidenceCallAs(communeOf('P1-D1-C1'));
    const res = await commune('POST', `/rechecks/${id}/evidence`, true);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recheckId: id, dossierId: null, mediaType: 'application/pdf' });
    uploaded = String(res.body.id);
    const listed = (await commune('GET', `/rechecks/${id}/evidence`)).body as unknown as Array<{ id: string }>;
    expect(listed.map((e) => e.id)).toEqual([carried, uploaded]);

    const other = await h.evidenceCallAs(communeOf('P1-D1-C2'));
    const refused = await other('POST', `/rechecks/${id}/evidence`, true);
    expect(refused.status).toBe(404);
    expect(refused.body.detail).toBe(`Không có lượt rà soát "${id}".`);
    expect((await other('GET', `/rechecks/${id}/evidence`)).status).toBe(404);
    expect(await h.db.evidence.count({ where: { recheckId: id } })).toBe(1);
  });

  it('accepts a re-assessment citing the new file and the one carried over; refuses one citing another dossier’s file with 422 naming it', async () => {
    const commune = await h.callAs(communeOf('P1-D1-C1'));
    const cited = await commune('PUT', `/rechecks/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt, thêm biên bản rà soát.', evidenceIds: [carried, uploaded] });
    expect(cited).toEqual({ status: 200, body: { criterionCode: 'C1', change: 'changed' } });

    const unknown = randomUUID();
    const refused = await commune('PUT', `/rechecks/${id}/criteria/C2/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.', evidenceIds: [uploaded, foreign, unknown] });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain(`Có minh chứng không thuộc lượt rà soát này: ${foreign}, ${unknown}.`);
    expect(refused.body.errors).toEqual([
      { location: 'body.evidenceIds.1', message: `không có minh chứng "${foreign}" trong lượt rà soát hay kết quả năm trước` },
      { location: 'body.evidenceIds.2', message: `không có minh chứng "${unknown}" trong lượt rà soát hay kết quả năm trước` },
    ]);
    const view = await ok(commune, 'GET', `/rechecks/${id}`);
    const criteria = view.criteria as Array<{ code: string; evidenceIds: string[]; change: string }>;
    expect(criteria.find((c) => c.code === 'C1')).toMatchObject({ evidenceIds: [carried, uploaded], change: 'changed' });
    expect(criteria.find((c) => c.code === 'C2')).toMatchObject({ evidenceIds: [], change: 'carried_over' });
  });

  it('takes no file once the re-assessment is submitted, holds the files it sent, and lets the department re-appraising it download the files it cites', async () => {
    await ok(h.call, 'POST', `/rechecks/${id}/submit`, { commandId: randomUUID() });
    const commune = await h.evidenceCallAs(communeOf('P1-D1-C1'));
    const late = await commune('POST', `/rechecks/${id}/evidence`, true);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('Lượt rà soát đang ở bước "Các sở, ngành thẩm định lại"');

    // What went out with the re-assessment is held by the store itself, as a dossier's submitted files are.
    const key = (await h.db.evidence.findUniqueOrThrow({ where: { id: uploaded } })).objectKey;
    expect(await h.storage.isHeld(key)).toBe(true);
    const history = (await ok(h.call, 'GET', `/rechecks/${id}`)).history as Array<{ type: string }>;
    expect(history.filter((e) => e.type === 'evidence.held')).toHaveLength(1);

    const sxd = await h.evidenceCallAs({ username: 'so-xay-dung', grants: [{ role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' }] });
    for (const evidenceId of [uploaded, carried]) {
      const file = await sxd('GET', `/evidence/${evidenceId}/content`);
      expect(file.status, evidenceId).toBe(200);
      expect(createHash('sha256').update(file.raw).digest('hex')).toBe((await h.db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).sha256);
    }
    expect(((await sxd('GET', `/rechecks/${id}/evidence`)).body as unknown as unknown[]).length).toBe(2);
  });
});
