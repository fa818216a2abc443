import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { decideDossierUpdate, dossierStateQuery, recordAppraisalUpdate, searchAttributeDefinitions, type DossierWorkflowState } from '@ntm/contracts';
import '@ntm/testing';
import { workflowsPath } from '../../worker.js';
import { recordingActivities, sampleSender, sampleWorkflowInput, submitSampleDossier } from '../../dossier-test-fixtures.js';

const suggestAfterEvents = 40;

// A real Temporal dev server told to suggest continue-as-new after a few dozen history events
// (production servers suggest it after thousands), so one dossier spans several runs.
describe('a long dossier continues as new (Temporal dev server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: inject('temporalCli') },
        extraArgs: [
          '--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${suggestAfterEvents}`,
          ...Object.entries(searchAttributeDefinitions).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
        ],
      },
    });
  }, 120_000);
  afterAll(() => env?.teardown());

  it('keeps every run short, carries its state across runs and records each command once', async () => {
    const { activities, calls } = recordingActivities();
    const taskQueue = `continue-as-new-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    const input = sampleWorkflowInput();
    const workflowId = `dossier/${input.dossierId}`;

    const final = await worker.runUntil(async () => {
      const first = await env.client.workflow.start('dossierWorkflow', { taskQueue, workflowId, args: [input] });
      // Handles without a run id follow the dossier into its newest run.
      const handle = env.client.workflow.getHandle(workflowId);
      await submitSampleDossier(handle);
      const state = await handle.query(dossierStateQuery);
      expect(state).toMatchObject({ stage: 'APPRAISAL', round: 1, selfAssessed: { C1: true, C2: true }, postingStartedOn: '2020-01-01', satisfactionPercent: 95 });
      for (const [departmentCode, criterionCode] of [['SXD', 'C1'], ['SGT', 'C2']] as const) {
        await handle.executeUpdate(recordAppraisalUpdate, { args: [{ commandId: randomUUID(), ...sampleSender, departmentCode, criterionCode, verdict: 'met', reason: null }] });
      }
      await handle.executeUpdate(decideDossierUpdate, {
        args: [{ commandId: randomUUID(), ...sampleSender, outcome: 'recognise', number: '12/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký', signerTitle: 'Chủ tịch', submissionNumber: null, submissionDate: null }],
      });
      expect((await handle.describe()).runId).not.toBe(first.firstExecutionRunId);
      return (await handle.result()) as DossierWorkflowState;
    });

    expect(final.stage).toBe('RECOGNISED');
    const runs = [];
    for await (const run of env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      const history = await env.client.workflow.getHandle(workflowId, run.runId).fetchHistory();
      // A run ends at the first quiet moment after the suggestion: within a few commands of it.
      expect(history.events?.length ?? 0).toBeLessThan(suggestAfterEvents * 2);
    }
    const count = (name: string) => calls.filter((c) => c.name === name).length;
    expect([count('createDossierRecord'), count('saveSelfAssessment'), count('recordCondition'), count('saveAppraisalVerdict'), count('recordDecision'), count('publishDecision')]).toEqual([1, 2, 4, 2, 1, 1]);
  }, 120_000);
});
