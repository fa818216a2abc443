import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCacheOf } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

// The fixture province assigns C1 to SXD, C2 to SGT and C3 to both.
const config = testConfig();
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('GET /dossiers/{id}: the row and every part from one prepared statement (real Temporal and PostgreSQL)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;
  /** Opened by the plan test, in its self-assessment stage, at Giang Ma (P1-D1-C2). */
  let selfStageId = '';

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    call = h.call;
  });
  afterAll(() => h.close());

  it('shows the conditions, documents, appraisal tasks, verdicts and history as PostgreSQL holds them', async () => {
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: `Đạt "${c}" \\ đủ.` });
    const evidenceId = await h.addEvidence(id);
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId });
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    const reason = 'Thiếu biên bản "kiểm tra".';
    for (const [criterion, verdict] of [['C1', 'met'], ['C3', 'not_met']] as const) {
      const res = await call('PUT', `/dossiers/${id}/criteria/${criterion}/appraisal`, { commandId: randomUUID(), departmentCode: 'SXD', verdict, reason: verdict === 'met' ? null : reason });
      expect(res.status).toBe(200);
    }

    const view = (await call('GET', `/dossiers/${id}`)).body;
    expect(view).toMatchObject({
      id,
      stage: 'APPRAISAL',
      submittedAt: expect.stringMatching(isoInstant),
      postingStartedOn: '2024-01-02',
      satisfactionPercent: 95.5,
      attestations: { no_construction_debt: { attested: true, explanation: 'Đã xác nhận.' }, no_complex_security_situation: { attested: true } },
      documents: [{ code: 'TO_TRINH', evidenceId }],
    });
    const criteria = view.criteria as Array<{ code: string; selfAssessment: { explanation: string } | null }>;
    expect(criteria.map((c) => [c.code, c.selfAssessment?.explanation])).toEqual([['C1', 'Đạt "C1" \\ đủ.'], ['C2', 'Đạt "C2" \\ đủ.'], ['C3', 'Đạt "C3" \\ đủ.']]);

    const tasks = await h.db.appraisalTask.findMany({ where: { dossierId: id }, orderBy: [{ round: 'asc' }, { departmentCode: 'asc' }] });
    expect(view.appraisalTasks).toEqual(
      tasks.map((t) => ({
        round: t.round,
        departmentCode: t.departmentCode,
        criterionCodes: t.criterionCodes,
        dueDate: t.dueDate.toISOString().slice(0, 10),
        closedAt: t.closedAt?.toISOString() ?? null,
        verdicts: t.departmentCode === 'SXD' ? [{ criterionCode: 'C1', verdict: 'met', reason: null }, { criterionCode: 'C3', verdict: 'not_met', reason }] : [],
      })),
    );
    expect(tasks.find((t) => t.departmentCode === 'SXD')?.closedAt).not.toBeNull();

    const audit = await h.db.auditEvent.findMany({ where: { dossierId: id }, orderBy: { seq: 'asc' } });
    const history = view.history as Array<{ seq: string; type: string; occurredAt: string; requestId: string | null }>;
    expect(history.map((e) => [e.seq, e.type, e.occurredAt, e.requestId])).toEqual(audit.map((e) => [String(e.seq), e.command, e.occurredAt.toISOString(), e.requestId]));
    const steps = (view.processControl as { steps: Array<{ stageCode: string; startedAt: string; endedAt: string | null }> }).steps;
    expect(steps.map((s) => s.stageCode).slice(0, 2)).toEqual(['SELF', 'APPRAISAL']);
    expect(steps[0]?.endedAt).toMatch(isoInstant);
  });

  it('reads the frozen plan from the row once per row version, and the answer stays the same', async () => {
    const id = (selfStageId = randomUUID());
    expect((await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C2', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    const rowVersion = async () => (await h.db.$queryRaw<Array<{ v: string }>>`SELECT xmin::text AS v FROM dossiers WHERE id = ${id}::uuid`)[0]?.v;
    const first = await call('GET', `/dossiers/${id}`);
    expect(planCacheOf(h.db).get(id)?.version).toBe(await rowVersion());
    expect(await call('GET', `/dossiers/${id}`)).toEqual(first);
    // A write to the row (the posting date) gives it a new version: the plan is read from the row again.
    await meetSubmissionConditions(call, id);
    const after = await call('GET', `/dossiers/${id}`);
    expect(planCacheOf(h.db).get(id)?.version).toBe(await rowVersion());
    expect(after.body.criteria).toEqual(first.body.criteria);
    expect(after.body.postingStartedOn).toBe('2024-01-02');
  });

  it('answers 404 for a dossier that does not exist', async () => {
    expect((await call('GET', `/dossiers/${randomUUID()}`)).status).toBe(404);
  });

  it('stops showing a dossier at the next request once the reader’s grant is revoked', async () => {
    const id = selfStageId;
    const reader = await h.callAs({ username: 'can-bo-xa-c2', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C2', departmentCode: null }] });
    expect((await reader('GET', `/dossiers/${id}`)).status).toBe(200);
    await h.db.roleGrant.deleteMany({ where: { user: { username: 'can-bo-xa-c2' } } });
    expect((await reader('GET', `/dossiers/${id}`)).status).toBe(404);
  });
});
