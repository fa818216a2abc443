import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { dossierWorkflowId } from '@ntm/contracts';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();

describe('a dossier from creation to submission, through the API, on real Temporal and PostgreSQL', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;
  let db: Awaited<ReturnType<typeof startDossierHarness>>['db'];
  let dossierId: string;

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    call = h.call;
    db = h.db;
  });
  afterAll(() => h.close());

  const assess = (criterionCode: string, met: boolean, commandId: string = randomUUID()) =>
    call('PUT', `/dossiers/${dossierId}/criteria/${criterionCode}/self-assessment`, { commandId, met, explanation: met ? 'Đạt theo báo cáo.' : 'Chưa đạt.' });
  const history = async () => ((await call('GET', `/dossiers/${dossierId}`)).body.history as unknown[]).length;

  it('creates a dossier with a tracking code, in the self-assessment stage; a retried request answers the same dossier', async () => {
    dossierId = randomUUID();
    const body = { commandId: dossierId, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 };
    const first = await call('POST', '/dossiers', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: dossierId, stage: 'SELF', criteriaSetCode: 'SET-A', trackingCode: expect.stringMatching(/^P1-2025-[0-9A-Z]{8}$/) });
    const again = await call('POST', '/dossiers', body);
    expect(again).toEqual(first);
    expect(await db.dossier.count()).toBe(1);
  });

  it('refuses a second open dossier for the same unit, track and year', async () => {
    const res = await call('POST', '/dossiers', { commandId: randomUUID(), unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.location)).toContain('body.dossier_already_open');
    expect(await db.dossier.count()).toBe(1);
  });

  it('refuses to submit while anything is missing, and lists exactly what', async () => {
    const none = await call('POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() });
    expect(none.body.errors?.map((e) => e.location)).toEqual(expect.arrayContaining([
      'dossier.posting_missing.posting',
      'dossier.satisfaction_missing.satisfaction',
      'dossier.attestation_missing.no_construction_debt',
      'dossier.attestation_missing.no_complex_security_situation',
    ]));
    await meetSubmissionConditions(call, dossierId);
    expect((await assess('C1', true)).status).toBe(200);
    expect((await assess('C2', false)).status).toBe(200);
    const res = await call('POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.location)).toEqual([
      'dossier.criterion_not_met.C2',
      'dossier.criterion_not_assessed.C3',
      'dossier.document_missing.TO_TRINH',
    ]);
  });

  it('answers a repeated command once: the same command id writes one history entry', async () => {
    const before = await history();
    const commandId = randomUUID();
    expect((await assess('C2', true, commandId)).body).toEqual({ criterionCode: 'C2' });
    expect((await assess('C2', true, commandId)).body).toEqual({ criterionCode: 'C2' });
    expect(await history()).toBe(before + 1);
  });

  it('refuses evidence that is not this dossier\'s, leaving history as it was', async () => {
    const before = await history();
    const res = await call('PUT', `/dossiers/${dossierId}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.', evidenceIds: [randomUUID()] });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.location)).toEqual(['body.evidenceIds.0']);
    expect(await history()).toBe(before);
  });

  it('rejects a criterion the dossier does not have, leaving history as it was', async () => {
    const before = await history();
    expect((await assess('C99', true)).status).toBe(404);
    expect(await history()).toBe(before);
  });

  it('submits once everything is met and attached; the stage moves on in PostgreSQL and in the search attributes', async () => {
    expect((await assess('C3', true)).status).toBe(200);
    expect((await call('PUT', `/dossiers/${dossierId}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(dossierId) })).status).toBe(200);
    const res = await call('POST', `/dossiers/${dossierId}/submit`, { commandId: randomUUID() });
    expect(res).toEqual({ status: 200, body: { stage: 'APPRAISAL' } });
    const view = (await call('GET', `/dossiers/${dossierId}`)).body;
    expect(view).toMatchObject({ stage: 'APPRAISAL', submittedAt: expect.any(String) });
    const described = await h.temporal.workflow.getHandle(dossierWorkflowId(dossierId)).describe();
    expect(described.typedSearchAttributes.getAll().find((p) => p.key.name === 'NtmStage')?.value).toBe('APPRAISAL');
  });

  it('puts the submitted evidence under legal hold: the store itself refuses to delete it', async () => {
    const files = await db.evidence.findMany({ where: { dossierId } });
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(await h.storage.isHeld(f.objectKey)).toBe(true);
      const [version] = await h.storage.versions(f.objectKey);
      await expect(h.storage.client.removeObject(h.storage.bucket, f.objectKey, { versionId: version ?? '' })).rejects.toThrow(/WORM|protected|locked/i);
    }
    const held = (await call('GET', `/dossiers/${dossierId}`)).body.history as Array<{ type: string; payload: unknown }>;
    expect(held.filter((e) => e.type === 'evidence.held').map((e) => e.payload)).toEqual([{ files: files.length, held: files.length, objectLocking: true }]);
  });

  it('rejects a command in the wrong stage with a clear problem, touching nothing', async () => {
    const before = await history();
    const res = await assess('C1', false);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: 'urn:ntm:problem:wrong-stage', title: 'Hồ sơ không ở bước phù hợp' });
    expect(await history()).toBe(before);
    expect((await db.criterionSelfAssessment.findUniqueOrThrow({ where: { dossierId_criterionCode: { dossierId, criterionCode: 'C1' } } })).met).toBe(true);
  });
});
