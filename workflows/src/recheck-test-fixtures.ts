import { randomUUID } from 'node:crypto';
import type { RecheckPlan, RecheckWorkflowInput } from '@ntm/contracts';
import type { Activities } from './activities/index.js';
import type { RecheckStep } from './activities/recheck.js';

// Tết Nguyên đán 2027 (6 February) as the province's days off.
export const tet2027 = ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const last = { met: true, explanation: 'Đạt.', indicators: [], evidenceIds: [] };

/** A three-criterion re-check of Sơn Bình, two departments, Tết 2027 off; `overrides` change what a test is about. */
export function samplePlan(overrides: Partial<RecheckPlan> = {}): RecheckPlan {
  return {
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
    holidays: tet2027,
    appraisal: { amount: 10, unit: 'working_days', reminderEveryDays: null },
    remediation: { amount: 5, unit: 'working_days', reminderEveryDays: 2, isDefault: false },
    ...overrides,
  };
}

export function sampleRecheckInput(overrides: Partial<RecheckWorkflowInput> = {}): RecheckWorkflowInput {
  return { campaignId: 'P1/T-NTM/2027', provinceCode: 'P1', districtCode: 'P1-D1', unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2027, selfAssessmentDue: '2027-01-15', appraisalDue: '2027-01-20', ...overrides };
}

/** Activities that open the given plan and remember every step the workflow records. */
export function planActivities(plan: RecheckPlan) {
  const steps: RecheckStep[] = [];
  const recorded = async (..._args: unknown[]) => undefined;
  const activities = {
    openRecheck: async () => plan,
    openRecheckOrBlock: async () => ({ kind: 'opened', plan }),
    recordRecheckStep: async (_id: string, step: RecheckStep) => void steps.push(step),
    recordReassessment: recorded,
    openRecheckAppraisalTasks: recorded,
    saveRecheckVerdict: recorded,
    closeRecheckAppraisalTask: recorded,
    recordRemediationPlan: recorded,
    holdRecheckEvidence: async () => ({ files: 0, held: 0 }),
  } as unknown as Activities;
  return { activities, steps };
}
