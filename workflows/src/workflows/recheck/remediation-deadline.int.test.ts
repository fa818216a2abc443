import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recordAppraisalUpdate, recheckStateQuery, submitReassessmentUpdate, type RecheckPlan, type RecheckWorkflowInput } from '@ntm/contracts';
import { startOfVietnamDay, vietnamDay } from '@ntm/domain';
import '@ntm/testing';
import type { Activities } from '../../activities/index.js';
import type { RecheckStep } from '../../activities/recheck.js';
import { registerSearchAttributes, sampleSender } from '../../dossier-test-fixtures.js';
import { workflowsPath } from '../../worker.js';

// Tết Nguyên đán 2027 (6 February) as the province's days off.
const tet = ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const last = { met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [] };
const plan: RecheckPlan = {
  recheckId: randomUUID(),
  unitName: 'Xã Sơn Bình',
  unitChain: ['P1', 'P1-D1', 'P1-D1-C1'],
  unitLevel: 'commune',
  trackName: 'Xã đạt chuẩn (thử)',
  criteriaSetCode: 'SET-A',
  criteriaSetName: 'Bộ tiêu chí thử A',
  criteria: [
    { code: 'C1', number: 1, name: 'Quy hoạch', isKey: false, last },
    { code: 'C2', number: 2, name: 'Giao thông', isKey: false, last },
    { code: 'C3', number: 3, name: 'Thu nhập', isKey: true, last },
  ],
  stages: [
    { code: 'SELF', name: 'Tự đánh giá', kind: 'self_assessment', decidingLevel: 'commune' },
    { code: 'APPRAISAL', name: 'Thẩm định', kind: 'appraisal', decidingLevel: 'province' },
    { code: 'DECISION', name: 'Công nhận', kind: 'decision', decidingLevel: 'province' },
  ],
  appraisers: [
    { departmentCode: 'SXD', departmentName: 'Sở Xây dựng', criterionCodes: ['C1', 'C3'] },
    { departmentCode: 'SGT', departmentName: 'Sở Giao thông vận tải', criterionCodes: ['C2'] },
  ],
  holidays: tet,
  appraisal: { amount: 10, unit: 'working_days', reminderEveryDays: null },
  remediation: { amount: 5, unit: 'working_days', reminderEveryDays: 2, isDefault: false },
};
const input: RecheckWorkflowInput = { campaignId: 'P1/T-NTM/2027', provinceCode: 'P1', districtCode: 'P1-D1', unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2027, selfAssessmentDue: '2027-01-15', appraisalDue: '2027-01-20' };

/** Activities that open the plan above and remember every step the workflow records. */
function planActivities() {
  const steps: RecheckStep[] = [];
  const recorded = async (..._args: unknown[]) => undefined;
  const activities = {
    openRecheck: async () => plan,
    recordRecheckStep: async (_id: string, step: RecheckStep) => void steps.push(step),
    recordReassessment: recorded,
    openRecheckAppraisalTasks: recorded,
    saveRecheckVerdict: recorded,
    closeRecheckAppraisalTask: recorded,
    recordRemediationPlan: recorded,
  } as unknown as Activities;
  return { activities, steps };
}

// Timers of weeks pass instantly on Temporal's time-skipping test server.
describe('the remediation period of a unit at risk (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } } });
    await registerSearchAttributes(env);
  }, 120_000);
  afterAll(() => env?.teardown());

  it('reminds on working days and proposes revocation the day after a deadline counted across Tết', async () => {
    const { activities, steps } = planActivities();
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
