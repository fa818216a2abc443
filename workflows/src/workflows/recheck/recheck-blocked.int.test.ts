import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { recheckStateQuery, submitReassessmentUpdate, type RecheckOpening } from '@ntm/contracts';
import '@ntm/testing';
import { sampleSender, startTimeSkipping } from '../../dossier-test-fixtures.js';
import { planActivities, samplePlan, sampleRecheckInput } from '../../recheck-test-fixtures.js';
import { workflowsPath } from '../../worker.js';

// Timers of days pass instantly on Temporal's time-skipping test server.
describe('a re-check whose criteria are not all assigned to a department (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping(inject('temporalTestServer'));
  }, 120_000);
  afterAll(() => env?.teardown());

  it('stands blocked with the criteria named, refuses commands meanwhile, and opens once the province has assigned them', async () => {
    const plan = samplePlan();
    const { activities } = planActivities(plan);
    let assigned = false;
    const attempts: number[] = [];
    const openRecheckOrBlock = async (): Promise<RecheckOpening> => {
      attempts.push(await env.currentTimeMs());
      return assigned ? { kind: 'opened', plan } : { kind: 'blocked', unassigned: ['C2'] };
    };
    const taskQueue = `blocked-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: { ...activities, openRecheckOrBlock } });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('recheckWorkflow', { taskQueue, workflowId: `recheck/blocked/${randomUUID()}`, args: [sampleRecheckInput()] });
      while (attempts.length === 0) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(await handle.query(recheckStateQuery)).toMatchObject({ stage: 'blocked', recheckId: null, unassigned: ['C2'] });
      expect((await handle.describe()).searchAttributes).toMatchObject({ NtmStage: ['blocked'] });
      const refused = await handle.executeUpdate(submitReassessmentUpdate, { args: [{ commandId: randomUUID(), ...sampleSender }] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((refused as WorkflowUpdateFailedError).cause?.message)).toContain('chưa phân công sở/phòng thẩm định lại các tiêu chí C2');

      await env.sleep(25 * 3_600_000);
      expect(attempts.length).toBe(2);
      assigned = true;
      await env.sleep(25 * 3_600_000);
      expect(attempts.length).toBe(3);
      // A day apart each, then open: the unit re-assesses as any other.
      expect(attempts.slice(1).map((t, i) => Math.round((t - (attempts[i] ?? 0)) / 3_600_000))).toEqual([24, 24]);
      expect(await handle.query(recheckStateQuery)).toMatchObject({ stage: 'self_assessment', recheckId: plan.recheckId });
      expect((await handle.describe()).searchAttributes).toMatchObject({ NtmStage: ['self_assessment'] });
      await handle.terminate('test over');
    });
  }, 90_000);
});
