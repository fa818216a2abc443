import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { addDuration, startOfVietnamDay, vietnamDay } from '@ntm/domain';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type DossierHarness } from './test-harness.js';

// Vietnam's calendar, once: a submission received at 00:30 or 23:30 in Hà Nội (17:30 and 16:30
// UTC) counts its appraisal due date from that Vietnamese day, and the task the departments see and
// the process-control record give the same date. The fixture budgets APPRAISAL at 20 working days.
const config = testConfig();
const budget = { amount: 20, unit: 'working_days' as const };
const holidays = ['2026-02-17'];
const hour = 3_600_000;

type View = { appraisalTasks: Array<{ dueDate: string }>; processControl: { steps: Array<{ stageCode: string; dueDate: string | null; startedAt: string }> } };

describe('a submission near midnight in Vietnam (real Temporal and PostgreSQL)', () => {
  let h: DossierHarness;
  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
  });
  afterAll(() => h.close());

  /** Opens a dossier now and submits it at `receivedAt`; answers its view. */
  async function submitAt(unitCode: string, receivedAt: Date): Promise<View> {
    const { call } = h;
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    for (const c of ['C1', 'C2', 'C3']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    h.receiveCommandsAt(receivedAt);
    try {
      expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    } finally {
      h.receiveCommandsAt(null);
    }
    return (await call('GET', `/dossiers/${id}`)).body as unknown as View;
  }

  // Tomorrow in Vietnam, so the submission comes after the opening and differs from today in UTC.
  const tomorrow = vietnamDay(Date.now() + 24 * hour);

  it.each([
    ['00:30', 'P1-D1-C1', 0.5],
    ['23:30', 'P1-D1-C2', 23.5],
  ])('a submission at %s in Hà Nội: the task and the process-control record share the due date of that day', async (_, unitCode, hours) => {
    const receivedAt = new Date(startOfVietnamDay(tomorrow) + hours * hour);
    const view = await submitAt(unitCode, receivedAt);
    const expected = addDuration(tomorrow, budget, { holidays });
    const step = view.processControl.steps.find((s) => s.stageCode === 'APPRAISAL');
    expect(step?.startedAt).toBe(receivedAt.toISOString());
    expect(step?.dueDate).toBe(expected);
    expect(view.appraisalTasks.map((t) => t.dueDate)).toEqual([expected, expected]);
  });
});
