import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recheckStateQuery, submitReassessmentUpdate } from '@ntm/contracts';
import { startOfVietnamDay, vietnamDay } from '@ntm/domain';
import '@ntm/testing';
import { sampleSender, startTimeSkipping } from '../../dossier-test-fixtures.js';
import { planActivities, samplePlan, sampleRecheckInput } from '../../recheck-test-fixtures.js';
import { workflowsPath } from '../../worker.js';

// The unit re-assesses by Monday 15 February 2027, the first working day after Tết; reminded every 2 working days.
const input = sampleRecheckInput({ selfAssessmentDue: '2027-02-15', appraisalDue: '2027-02-16' });
const plan = () => samplePlan({ reassessment: { reminderEveryDays: 2, isDefault: false } });
type Payload = { day?: string; at: string; dueDate: string; escalatedTo?: string[]; notReassessed: string[] };

// Timers of weeks pass instantly on Temporal's time-skipping test server.
describe('the unit\'s own re-assessment deadline (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping(inject('temporalTestServer'));
  }, 120_000);
  afterAll(() => env?.teardown());

  const skipTo = async (day: string) => env.sleep(startOfVietnamDay(day) - (await env.currentTimeMs()));
  /** Opens the re-check at the start of `day` (Vietnam time) and waits until its workflow has opened it. */
  async function openOn(day: string, taskQueue: string, args = input) {
    await skipTo(day);
    const handle = await env.client.workflow.start('recheckWorkflow', { taskQueue, workflowId: `recheck/${args.campaignId}/${args.unitCode}/${randomUUID()}`, args: [args] });
    while ((await handle.query(recheckStateQuery)).recheckId === null) await new Promise((r) => setTimeout(r, 50));
    return handle;
  }
  const dayOf = (s: { payload: unknown }) => (s.payload as Payload).day;

  it('reminds the unit on working days before a deadline across Tết, escalates the day after it, and still takes a late submission', async () => {
    const { activities, steps } = planActivities(plan());
    const taskQueue = `reassessment-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    await worker.runUntil(async () => {
      const handle = await openOn('2027-01-27', taskQueue);
      expect((await handle.query(recheckStateQuery)).reassessment).toEqual({ dueDate: '2027-02-15', reminderDays: ['2027-01-29', '2027-02-02', '2027-02-04'], remindersSent: 0, escalated: false });

      await skipTo('2027-02-17');
      const reminders = steps.filter((s) => s.type === 'recheck.reminder').map((s) => s.payload as Payload);
      expect(reminders.map((r) => [r.day, vietnamDay(Date.parse(r.at)), r.dueDate])).toEqual([
        ['2027-01-29', '2027-01-29', '2027-02-15'],
        ['2027-02-02', '2027-02-02', '2027-02-15'],
        ['2027-02-04', '2027-02-04', '2027-02-15'],
      ]);
      expect(reminders[0]?.notReassessed).toEqual(['C1', 'C2', 'C3']);
      // Nothing during Tết (5–12 February): the deadline's passing is escalated to the province on Tuesday 16 February.
      const escalated = steps.filter((s) => s.type === 'recheck.escalated').map((s) => s.payload as Payload);
      expect(escalated.map((e) => ({ day: vietnamDay(Date.parse(e.at)), dueDate: e.dueDate, escalatedTo: e.escalatedTo, notReassessed: e.notReassessed }))).toEqual([
        { day: '2027-02-16', dueDate: '2027-02-15', escalatedTo: ['province'], notReassessed: ['C1', 'C2', 'C3'] },
      ]);
      // The unit keeps its standing and submits late; its re-appraisal takes the track's 10 working days.
      expect(await handle.query(recheckStateQuery)).toMatchObject({ stage: 'self_assessment', outcome: null, reassessment: { remindersSent: 3, escalated: true } });
      await handle.executeUpdate(submitReassessmentUpdate, { args: [{ commandId: randomUUID(), ...sampleSender, receivedAt: new Date((await env.currentTimeMs()) + 3_600_000).toISOString() }] });
      const state = await handle.query(recheckStateQuery);
      expect(state.stage).toBe('appraisal');
      expect(state.tasks.map((t) => t.dueDate)).toEqual(['2027-03-03', '2027-03-03']);
      await skipTo('2027-02-25');
      expect(steps.filter((s) => s.type === 'recheck.reminder' || s.type === 'recheck.escalated').map(dayOf)).toEqual(['2027-01-29', '2027-02-02', '2027-02-04', undefined]);
      await handle.terminate('test over');
    });
  }, 90_000);

  it('stops reminding once the unit submits before its deadline, and escalates nothing', async () => {
    const { activities, steps } = planActivities(plan());
    const taskQueue = `reassessment-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
    await worker.runUntil(async () => {
      const handle = await openOn('2028-01-10', taskQueue, sampleRecheckInput({ year: 2028, selfAssessmentDue: '2028-01-21', appraisalDue: '2028-02-04' }));
      expect((await handle.query(recheckStateQuery)).reassessment?.reminderDays).toEqual(['2028-01-12', '2028-01-14', '2028-01-18', '2028-01-20']);
      await skipTo('2028-01-13');
      await handle.executeUpdate(submitReassessmentUpdate, { args: [{ commandId: randomUUID(), ...sampleSender, receivedAt: new Date(startOfVietnamDay('2028-01-13') + 3_600_000).toISOString() }] });
      await skipTo('2028-01-25');
      expect(steps.filter((s) => s.type === 'recheck.reminder').map(dayOf)).toEqual(['2028-01-12']);
      expect(steps.some((s) => s.type === 'recheck.escalated')).toBe(false);
      await handle.terminate('test over');
    });
  }, 90_000);
});
