import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  openDossierUpdate, recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate, recordSelfAssessmentUpdate, searchAttributeDefinitions, submitDossierUpdate, type DossierWorkflowInput, type Sender,
} from '@ntm/contracts';
import type { Activities } from './activities/index.js';

/** A small two-criterion dossier of a province without a district stage. */
export function sampleWorkflowInput(overrides: Partial<DossierWorkflowInput> = {}): DossierWorkflowInput {
  return {
    dossierId: randomUUID(),
    trackingCode: 'P1-2025-TEST',
    unitCode: 'P1-D1-C1',
    unitChain: ['P1', 'P1-D1', 'P1-D1-C1'],
    unitLevel: 'commune',
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
    openedBy: { actor: 'test', role: 'commune_officer', requestId: null },
    ...overrides,
  };
}

/** Activities that write nothing and remember every call, for workflow tests. */
export function recordingActivities(): { activities: Activities; calls: Array<{ name: string; args: unknown[] }> } {
  const calls: Array<{ name: string; args: unknown[] }> = [];
  const names = [
    'createDossierRecord', 'saveSelfAssessment', 'attachDocument', 'recordStageChange', 'openAppraisalTasks', 'saveAppraisalVerdict', 'closeAppraisalTask',
    'recordDecision', 'renderDecisionDocument', 'publishDecision', 'recordPing', 'recordCondition', 'recordDossierEvent',
    'holdSubmittedEvidence',
  ];
  const activities = Object.fromEntries(names.map((name) => [name, async (...args: unknown[]) => void calls.push({ name, args })])) as unknown as Activities;
  return { activities, calls };
}

/** A sender holding every role the sample dossier's stages need: commune, both departments, province. */
export const sampleSender: Sender = {
  actor: 'test',
  role: null,
  requestId: null,
  grants: [
    { role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null },
    { role: 'department_officer', unitCode: 'P1', departmentCode: 'SXD' },
    { role: 'department_officer', unitCode: 'P1', departmentCode: 'SGT' },
    { role: 'provincial_office', unitCode: 'P1', departmentCode: null },
  ],
};

/** Opens the sample dossier and records everything its submission needs, then submits it. */
export async function submitSampleDossier(handle: WorkflowHandle, sender: Sender = sampleSender): Promise<void> {
  const command = () => ({ commandId: randomUUID(), ...sender });
  await handle.executeUpdate(openDossierUpdate, { updateId: 'open', args: [] });
  for (const criterionCode of ['C1', 'C2']) {
    await handle.executeUpdate(recordSelfAssessmentUpdate, { args: [{ ...command(), criterionCode, met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [] }] });
  }
  await handle.executeUpdate(recordPostingUpdate, { args: [{ ...command(), startDate: '2020-01-01', evidenceIds: [] }] });
  await handle.executeUpdate(recordSatisfactionUpdate, { args: [{ ...command(), percent: 95, respondents: null, evidenceIds: [] }] });
  for (const kind of ['no_construction_debt', 'no_complex_security_situation'] as const) {
    await handle.executeUpdate(recordAttestationUpdate, { args: [{ ...command(), kind, attested: true, explanation: 'Xác nhận.', evidenceIds: [] }] });
  }
  await handle.executeUpdate(submitDossierUpdate, { args: [command()] });
}

/** The time-skipping test server starts without our search attributes; the workflow sets them. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const { IndexedValueType } = temporal.api.enums.v1;
  const types = { Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, Int: IndexedValueType.INDEXED_VALUE_TYPE_INT } as const;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.entries(searchAttributeDefinitions).map(([name, type]) => [name, types[type]])),
  });
}

/** Temporal's time-skipping test server (the binary global setup provides) with the search attributes registered. */
export async function startTimeSkipping(serverPath: string): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: serverPath } } });
  await registerSearchAttributes(env);
  return env;
}
