import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recordAppraisalUpdate, recheckStateQuery, submitReassessmentUpdate } from '@ntm/contracts';
import { startOfVietnamDay, vietnamDay } from '@ntm/domain';
import '@ntm/testing';
import { sampleSender, startTimeSkipping } from '../../dossier-test-fixtures.js';
import { planActivities, samplePlan, sampleRecheckInput } from '../../recheck-test-fixtures.js';
import { workflowsPath } from '../../worker.js';

const input = sampleRecheckInput();

// Timers of weeks pass instantly on Temporal's time-skipping test server.
describe('the remediation period of a unit at risk (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping(inject('temporalTestServer'));
  }, 120_000);
  afterAll(() => env?.teardown());

  it('reminds on working days and proposes revocation the day after a deadline counted across Tết', async () => {
    const { activities, steps } = planActivities(samplePlan());
    const taskQueue = `remediation-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    // The departments' last verdict arrives on Friday 29 January 2027: the remediation period starts that day.
    const sender = { ...sampleSender, receivedAt: '2027-01-29T02:00:00.000Z' };
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('recheckWorkflow', { taskQueue, workflowId: `recheck/${input.campaignId}/${input.unitCode}`, args: [input] });
      // Commands wait until the workflow has opened the re-check (the API answers 409 until then).
      while ((await handle.query(recheckStateQuery)).recheckId === null) await new Promise((r) => setTimeout(r, 50));
      await handle.executeUpdate(submitReassessmentUpdate, { args: [{ commandId: randomUUID(), ...sender }] });
      for (const [departmentCode, criterionCode, verdict] of [['SXD', 'C1', 'met'], ['SXD', 'C3', 'met'], ['SGT', 'C2', 'not_met']] as const) {
        await handle.executeUpdate(recordAppraisalUpdate, { args: [{ commandId: randomUUID(), ...sender, departmentCode, criterionCode, verdict, reason: verdict === 'met' ? null : 'Đường trục xã xuống cấp.' }] });
      }
      // 1 of 3 unmet, not a key criterion: at risk; 5 working days after 29/1 skip the weekend and Tết: Monday 15/2.
      expect((await handle.query(recheckStateQuery)).remediation).toMatchObject({ startedOn: '2027-01-29', dueDate: '2027-02-15', reminderDays: ['2027-02-02', '2027-02-04'] });

      await env.sleep(startOfVietnamDay('2027-02-17') - (await env.currentTimeMs()));
      const reminders = steps.filter((s) => s.type === 'remediation.reminder').map((s) => s.payload as { day: string; at: string });
      expect(reminders.map((r) => [r.day, vietnamDay(Date.parse(r.at))])).toEqual([['2027-02-02', '2027-02-02'], ['2027-02-04', '2027-02-04']]);
      const deadline = steps.find((s) => s.type === 'remediation.deadline_passed');
      expect(deadline).toMatchObject({ stage: 'revocation_proposed', outcome: 'revocation_proposed', payload: { dueDate: '2027-02-15', ground: 'remediation_deadline_passed', unmetCodes: ['C2'] } });
      expect(vietnamDay(Date.parse((deadline?.payload as { at: string }).at))).toBe('2027-02-16');
      expect(await handle.query(recheckStateQuery)).toMatchObject({ stage: 'revocation_proposed', outcome: 'revocation_proposed' });
      // Operators find it in the Temporal UI by stage and outcome.
      const { searchAttributes } = await handle.describe();
      expect(searchAttributes).toMatchObject({ NtmStage: ['revocation_proposed'], NtmOutcome: ['revocation_proposed'] });
      await handle.terminate('test over');
    });
  }, 90_000);
});
