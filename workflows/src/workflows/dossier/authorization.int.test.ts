import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { dossierFailureTypes, openDossierUpdate, recordAppraisalUpdate, recordSelfAssessmentUpdate, type Sender } from '@ntm/contracts';
import '@ntm/testing';
import { workflowsPath } from '../../worker.js';
import { recordingActivities, registerSearchAttributes, sampleSender, sampleWorkflowInput, submitSampleDossier } from '../../dossier-test-fixtures.js';

const failureType = async (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure ? e.cause.type : String(e)),
  );

// The workflow checks every sender itself, whatever the HTTP layer did: a refused command never
// reaches history or an activity.
describe('the dossier workflow checks who sends each command (Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } } });
    await registerSearchAttributes(env);
  }, 120_000);
  afterAll(() => env?.teardown());

  it('refuses another commune, a role without the right, and a department outside its criteria', async () => {
    const { activities, calls } = recordingActivities();
    const taskQueue = `authorization-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    const input = sampleWorkflowInput();
    const as = (grants: Sender['grants']): Sender => ({ actor: 'someone', role: null, requestId: null, grants });

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('dossierWorkflow', { taskQueue, workflowId: `dossier/${input.dossierId}`, args: [input] });
      await handle.executeUpdate(openDossierUpdate, { updateId: 'open', args: [] });
      const selfAssess = (sender: Sender) =>
        handle.executeUpdate(recordSelfAssessmentUpdate, { args: [{ commandId: randomUUID(), ...sender, criterionCode: 'C1', met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [] }] });
      expect(await failureType(selfAssess(as([{ role: 'commune_officer', unitCode: 'P1-D1-C2', departmentCode: null }])))).toBe(dossierFailureTypes.forbidden);
      expect(await failureType(selfAssess(as([{ role: 'provincial_office', unitCode: 'P1', departmentCode: null }])))).toBe(dossierFailureTypes.forbidden);
      expect(await failureType(selfAssess(as([{ role: 'system_admin', unitCode: null, departmentCode: null }])))).toBe(dossierFailureTypes.forbidden);
      expect(await failureType(selfAssess(as([])))).toBe(dossierFailureTypes.forbidden);
      expect(calls.filter((c) => c.name === 'saveSelfAssessment')).toHaveLength(0);

      await submitSampleDossier(handle);
      const appraise = (sender: Sender, departmentCode: string, criterionCode: string) =>
        handle.executeUpdate(recordAppraisalUpdate, { args: [{ commandId: randomUUID(), ...sender, departmentCode, criterionCode, verdict: 'met', reason: null }] });
      const sxdOfficer = as([{ role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' }]);
      expect(await failureType(appraise(sxdOfficer, 'SXD', 'C2'))).toBe(dossierFailureTypes.notAssigned);
      // Naming another department in the command does not borrow its assignment.
      expect(await failureType(appraise(sxdOfficer, 'SGT', 'C2'))).toBe(dossierFailureTypes.notAssigned);
      expect(await failureType(appraise(as([{ role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null }]), 'SXD', 'C1'))).toBe(dossierFailureTypes.forbidden);
      expect(calls.filter((c) => c.name === 'saveAppraisalVerdict')).toHaveLength(0);
      expect(await failureType(appraise(sxdOfficer, 'SXD', 'C1'))).toBe('accepted');
      expect(await failureType(appraise(sampleSender, 'SGT', 'C2'))).toBe('accepted');

      const history = await handle.fetchHistory();
      const rejected = (history.events ?? []).filter((e) => e.workflowExecutionUpdateRejectedEventAttributes);
      const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      expect(rejected).toHaveLength(0);
      // open + 2 self-assessments + posting + satisfaction + 2 attestations + submit + 2 verdicts.
      expect(accepted).toHaveLength(10);
    });
  }, 60_000);
});
