import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recordAppraisalUpdate } from '@ntm/contracts';
import '@ntm/testing';
import { workflowsPath } from '../../worker.js';
import { recordingActivities, registerSearchAttributes, sampleSender, sampleWorkflowInput, submitSampleDossier } from '../../dossier-test-fixtures.js';

// Timers of days and weeks pass instantly on Temporal's time-skipping test server; activities are
// plain functions recording what they were asked to write.
describe('appraisal deadlines (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } } });
    await registerSearchAttributes(env);
  }, 120_000);
  afterAll(() => env?.teardown());

  it('reminds each open task at the configured cadence, escalates when its deadline passes, and stops once the task closes', async () => {
    const { activities, calls } = recordingActivities();
    const taskQueue = `deadlines-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    const input = sampleWorkflowInput();
    const recorded = () => calls.filter((c) => c.name === 'recordDossierEvent').map((c) => ({ type: c.args[2] as string, payload: c.args[3] as Record<string, unknown> }));
    const appraisalEvents = () => recorded().filter((e) => e.type.startsWith('appraisal.'));

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('dossierWorkflow', { taskQueue, workflowId: `dossier/${input.dossierId}`, args: [input] });
      await submitSampleDossier(handle);

      await env.sleep('4 days');
      expect(appraisalEvents().map((e) => [e.type, e.payload.departmentCode]).sort()).toEqual([['appraisal.reminder', 'SGT'], ['appraisal.reminder', 'SXD']]);

      // SXD answers; only SGT is reminded and, after its deadline, escalated (province only: two-tier).
      await handle.executeUpdate(recordAppraisalUpdate, { args: [{ commandId: randomUUID(), ...sampleSender, departmentCode: 'SXD', criterionCode: 'C1', verdict: 'met', reason: null }] });
      await env.sleep('20 days');
      const sgt = appraisalEvents().filter((e) => e.payload.departmentCode === 'SGT');
      expect(sgt.map((e) => e.type)).toEqual(['appraisal.reminder', 'appraisal.reminder', 'appraisal.reminder', 'appraisal.escalated']);
      expect(sgt.at(-1)?.payload).toMatchObject({ criterionCodes: ['C2'], escalatedTo: ['province'] });
      expect(appraisalEvents().filter((e) => e.payload.departmentCode === 'SXD')).toHaveLength(1);

      await env.sleep('30 days');
      expect(appraisalEvents()).toHaveLength(5);
      // The posting began long ago: its durable timer fired at once and recorded the end of the period, once.
      expect(recorded().filter((e) => !e.type.startsWith('appraisal.')).map((e) => e.type)).toEqual(['posting.elapsed']);
    });
  }, 60_000);
});
