import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness } from './test-harness.js';

const config = testConfig();

describe('a worker restart in the middle of appraisal (real Temporal and PostgreSQL)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
  });
  afterAll(() => h.close());

  it('continues where it was: nothing lost, nothing done twice', async () => {
    const { call } = h;
    const id = randomUUID();
    await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 });
    for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    const appraise = (c: string, d: string, commandId = randomUUID()) =>
      call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId, departmentCode: d, verdict: 'met', reason: null });

    expect((await appraise('C1', 'SXD')).status).toBe(200);
    await h.stopWorker();

    // Sent while no worker runs: it waits in Temporal and is answered once a worker is back.
    const retried = randomUUID();
    const pending = appraise('C3', 'SXD', retried);
    await new Promise((r) => setTimeout(r, 1000));
    await h.startWorker();
    expect((await pending).body).toEqual({ taskClosed: true, stage: 'APPRAISAL' });
    expect((await appraise('C3', 'SXD', retried)).body).toEqual({ taskClosed: true, stage: 'APPRAISAL' });

    await appraise('C2', 'SGT');
    expect((await appraise('C3', 'SGT')).body).toEqual({ taskClosed: true, stage: 'DISTRICT' });

    const events = ((await call('GET', `/dossiers/${id}`)).body.history as Array<{ type: string }>).map((e) => e.type);
    expect(events.filter((t) => t === 'appraisal.verdict')).toHaveLength(4);
    expect(events.filter((t) => t === 'appraisal.opened')).toHaveLength(1);
    expect(events.filter((t) => t === 'appraisal.completed')).toHaveLength(1);
    expect(await h.db.appraisalVerdict.count({ where: { dossierId: id } })).toBe(4);
  });
});
