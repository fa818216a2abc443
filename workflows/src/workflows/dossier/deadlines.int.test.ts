import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { searchAttributeDefinitions, openDossierUpdate, recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate, recordAppraisalUpdate, recordSelfAssessmentUpdate, submitDossierUpdate, type DossierWorkflowInput } from '@ntm/contracts';
import '@ntm/testing';
import { workflowsPath } from '../../worker.js';
import type { Activities } from '../../activities/index.js';

// Timers of days and weeks pass instantly on Temporal's time-skipping test server; activities are
// plain functions recording what they were asked to write.
describe('appraisal deadlines (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } } });
    const { IndexedValueType } = temporal.api.enums.v1;
    const types = { Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, Int: IndexedValueType.INDEXED_VALUE_TYPE_INT } as const;
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(Object.entries(searchAttributeDefinitions).map(([name, type]) => [name, types[type]])),
    });
  }, 120_000);
  afterAll(() => env?.teardown());

  it('reminds each open task at the configured cadence, escalates when its deadline passes, and stops once the task closes', async () => {
    const events: Array<{ type: string; payload: Record<string, unknown> }> = [];
    const otherEvents: string[] = [];
    const noop = async () => undefined;
    const activities = {
      createDossierRecord: noop,
      saveSelfAssessment: noop,
      attachDocument: noop,
      recordStageChange: noop,
      openAppraisalTasks: noop,
      saveAppraisalVerdict: noop,
      closeAppraisalTask: noop,
      recordDecision: noop,
      renderDecisionDocument: noop,
      publishDecision: noop,
      recordPing: noop,
      recordCondition: noop,
      recordDossierEvent: async (_dossierId: string, _eventId: string, type: string, payload: Record<string, unknown>) => {
        if (type.startsWith('appraisal.')) events.push({ type, payload });
        else otherEvents.push(type);
      },
    } as unknown as Activities;
    const taskQueue = `deadlines-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });

    const input: DossierWorkflowInput = {
      dossierId: randomUUID(),
      trackingCode: 'P1-2025-TEST',
      unitCode: 'P1-D1-C1',
      unitChain: ['P1', 'P1-D1', 'P1-D1-C1'],
      provinceCode: 'P1',
      districtCode: 'P1-D1',
      trackCode: 'T-NTM',
      year: 2025,
      criteriaSetCode: 'SET-A',
      requiredCriteria: [{ code: 'C1', number: 1, name: 'Quy hoạch' }, { code: 'C2', number: 2, name: 'Giao thông' }],
      requiredDocuments: [],
      stages: [
        { code: 'SELF', name: 'Tự đánh giá', kind: 'self_assessment', decidingLevel: 'commune' },
        { code: 'APPRAISAL', name: 'Thẩm định', kind: 'appraisal', decidingLevel: 'province' },
        { code: 'DECISION', name: 'Công nhận', kind: 'decision', decidingLevel: 'province' },
      ],
      appraisers: [
        { departmentCode: 'SXD', departmentName: 'Sở Xây dựng', criterionCodes: ['C1'] },
        { departmentCode: 'SGT', departmentName: 'Sở Giao thông vận tải', criterionCodes: ['C2'] },
      ],
      hasDistrictStage: false,
      postingPeriodDays: 0,
      satisfactionThresholdPercent: null,
      durations: { APPRAISAL: { amount: 10, unit: 'days', reminderEveryDays: 3 } },
      holidays: [],
      createdBy: 'test',
    };

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('dossierWorkflow', { taskQueue, workflowId: `dossier/${input.dossierId}`, args: [input] });
      await handle.executeUpdate(openDossierUpdate, { updateId: 'open', args: [] });
      for (const c of ['C1', 'C2']) {
        await handle.executeUpdate(recordSelfAssessmentUpdate, { args: [{ commandId: randomUUID(), actor: 'x', criterionCode: c, met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [] }] });
      }
      const command = () => ({ commandId: randomUUID(), actor: 'x' });
      await handle.executeUpdate(recordPostingUpdate, { args: [{ ...command(), startDate: '2020-01-01', evidenceIds: [] }] });
      await handle.executeUpdate(recordSatisfactionUpdate, { args: [{ ...command(), percent: 95, respondents: null, evidenceIds: [] }] });
      for (const kind of ['no_construction_debt', 'no_complex_security_situation'] as const) {
        await handle.executeUpdate(recordAttestationUpdate, { args: [{ ...command(), kind, attested: true, explanation: 'Xác nhận.', evidenceIds: [] }] });
      }
      await handle.executeUpdate(submitDossierUpdate, { args: [{ commandId: randomUUID(), actor: 'x' }] });

      await env.sleep('4 days');
      expect(events.map((e) => [e.type, e.payload.departmentCode]).sort()).toEqual([['appraisal.reminder', 'SGT'], ['appraisal.reminder', 'SXD']]);

      // SXD answers; only SGT is reminded and, after its deadline, escalated (province only: two-tier).
      await handle.executeUpdate(recordAppraisalUpdate, { args: [{ commandId: randomUUID(), actor: 'x', departmentCode: 'SXD', criterionCode: 'C1', verdict: 'met', reason: null }] });
      await env.sleep('20 days');
      const sgt = events.filter((e) => e.payload.departmentCode === 'SGT');
      expect(sgt.map((e) => e.type)).toEqual(['appraisal.reminder', 'appraisal.reminder', 'appraisal.reminder', 'appraisal.escalated']);
      expect(sgt.at(-1)?.payload).toMatchObject({ criterionCodes: ['C2'], escalatedTo: ['province'] });
      expect(events.filter((e) => e.payload.departmentCode === 'SXD')).toHaveLength(1);

      await env.sleep('30 days');
      expect(events).toHaveLength(5);
      // The posting began long ago: its durable timer fired at once and recorded the end of the period, once.
      expect(otherEvents).toEqual(['posting.elapsed']);
    });
  }, 60_000);
});
