import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type DossierHarness } from './test-harness.js';

// Commands in order: a command that waits on an activity holds the dossier until it is written, so
// a submit sent meanwhile is judged on what that command wrote, not on what was there before.
const config = testConfig();

describe('concurrent commands on one dossier (real Temporal and PostgreSQL)', () => {
  let h: DossierHarness;
  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
  });
  afterAll(() => h.close());

  /** A dossier with every criterion met, its document and every condition: ready to submit. */
  async function readyToSubmit(unitCode: string): Promise<string> {
    const { call } = h;
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    return id;
  }

  it('a submit sent while a self-assessment setting a criterion to unmet is being recorded is refused, naming that criterion', async () => {
    const id = await readyToSubmit('P1-D1-C1');
    // The self-assessment passes its check at once, then its write takes a while.
    h.delayActivity('saveSelfAssessment', 2_000);
    try {
      const unmet = h.call('PUT', `/dossiers/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: false, explanation: 'Chưa đạt.' });
      await sleep(500);
      const submitted = h.call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
      const [assessment, submit] = await Promise.all([unmet, submitted]);
      expect(assessment.status).toBe(200);
      expect(submit.status).toBe(422);
      expect(submit.body.errors).toEqual([{ location: 'dossier.criterion_not_met.C1', message: expect.stringContaining('chưa đạt') as string }]);
    } finally {
      h.delayActivity('saveSelfAssessment', null);
    }
    const view = (await h.call('GET', `/dossiers/${id}`)).body as { stage: string; criteria: Array<{ code: string; selfAssessment: { met: boolean } | null }> };
    expect(view.stage).toBe('SELF');
    expect(view.criteria.find((c) => c.code === 'C1')?.selfAssessment?.met).toBe(false);
  });

  it('a self-assessment sent while a submission is being recorded is refused: the dossier has left the stage', async () => {
    const id = await readyToSubmit('P1-D1-C2');
    h.delayActivity('recordStageChange', 2_000);
    try {
      const submitted = h.call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
      await sleep(500);
      const late = h.call('PUT', `/dossiers/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: false, explanation: 'Chưa đạt.' });
      const [submit, assessment] = await Promise.all([submitted, late]);
      expect(submit.body).toEqual({ stage: 'APPRAISAL' });
      expect(assessment.status).toBe(409);
    } finally {
      h.delayActivity('recordStageChange', null);
    }
  });
});
