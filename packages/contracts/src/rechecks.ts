import { z } from 'zod';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { AppraisalTaskState, IndicatorResult, Stage, decisionNumber, type SelfAssessmentCommand, type SubmitCommand } from './dossier.js';
import { Sender } from './dossier.js';
import { ComputedOutcome, JudgedIndicatorView, PlannedIndicator, ThresholdGroup } from './planned-criteria.js';

// The re-check of one recognised unit (docs/recheck-campaigns.md): what its workflow is judged
// against, its state, its messages, and the bodies and views of its HTTP routes.

const code = z.string().min(1).max(64);
const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000]*$/, 'không được chứa ký tự NUL');

/** What the unit was last judged on for a criterion: carried over until the unit says otherwise. */
export const LastValues = z.object({ met: z.boolean(), explanation: z.string(), indicators: z.array(IndicatorResult), evidenceIds: z.array(z.string()) });
export type LastValues = z.infer<typeof LastValues>;

const StepDuration = z.object({ amount: z.number().int(), unit: z.enum(['days', 'working_days']), reminderEveryDays: z.number().int().nullable() });

/**
 * What one re-check is judged against, fixed when its workflow opens it: the criteria of the set
 * the unit's recognition was judged against (key criteria marked, last values where known), who
 * re-appraises what, who acts on it (the scope fields, as a dossier's), and the durations.
 */
export const RecheckPlan = z.object({
  recheckId: uuid,
  unitName: z.string(),
  unitChain: z.array(code).min(1),
  unitLevel: z.enum(['village', 'commune', 'district']),
  trackName: z.string(),
  criteriaSetCode: code,
  criteriaSetName: z.string(),
  /** The group whose thresholds the unit's indicator values are judged on (re-checks opened before thresholds were kept carry none). */
  thresholdGroup: ThresholdGroup.nullable().optional(),
  /** Each criterion's indicators with the thresholds of the unit's group; absent in re-checks opened before they were kept, which judge no values. */
  criteria: z.array(z.object({ code, number: z.number().int(), name: z.string(), isKey: z.boolean(), last: LastValues.nullable(), indicators: z.array(PlannedIndicator).optional() })).min(1),
  stages: z.array(Stage).min(2),
  appraisers: z.array(z.object({ departmentCode: code, departmentName: z.string(), criterionCodes: z.array(code).min(1) })).min(1),
  holidays: z.array(z.string()),
  /** The track's appraisal stage duration: how long a re-appraisal after remediation or supplementation may take, and the reminders' cadence. */
  appraisal: StepDuration,
  /** How often the unit is reminded of its re-assessment deadline (the track's self-assessment duration's cadence, or the labelled default); absent in re-checks opened before these reminders. */
  reassessment: z.object({ reminderEveryDays: z.number().int().nullable(), isDefault: z.boolean() }).optional(),
  /** The remediation period of a unit at risk (the catalog's `remediation` duration of the track, or the labelled default). */
  remediation: StepDuration.extend({ isDefault: z.boolean() }),
});
export type RecheckPlan = z.infer<typeof RecheckPlan>;

/** What opening a re-check answers: its plan, or the criteria no department is assigned to re-appraise yet. */
export type RecheckOpening = { kind: 'opened'; plan: RecheckPlan } | { kind: 'blocked'; unassigned: string[] };

export const RecheckAssessmentResult = z.object({
  outcome: z.string(),
  ground: z.string().nullable(),
  unmetCount: z.number().int(),
  total: z.number().int(),
  unmetCodes: z.array(z.string()),
  unmetKeyCodes: z.array(z.string()),
});
export type RecheckAssessmentResult = z.infer<typeof RecheckAssessmentResult>;

/** What the re-check workflow knows and answers through its query. */
export const RecheckState = z.object({
  stage: z.string(),
  outcome: z.string().nullable(),
  recheckId: z.string().nullable(),
  round: z.number().int(),
  tasks: z.array(AppraisalTaskState),
  /** Criteria the unit re-assessed, and how each compares with last time. */
  reassessed: z.record(z.string(), z.enum(['new', 'unchanged', 'changed'])),
  /** Criteria sent back to the unit for supplementation in the current round. */
  supplementation: z.array(z.string()),
  /** The departments' latest rolled-up result per criterion. */
  results: z.record(z.string(), z.enum(['met', 'not_met'])),
  assessment: RecheckAssessmentResult.nullable(),
  /** While blocked: the criteria of the set no department is assigned to re-appraise. */
  unassigned: z.array(z.string()).optional(),
  /** The unit's own re-assessment deadline (the calendar's), its reminders and whether its passing was escalated; null when none applies. */
  reassessment: z.object({ dueDate: z.string(), reminderDays: z.array(z.string()), remindersSent: z.number().int(), escalated: z.boolean() }).nullable(),
  remediation: z
    .object({ startedOn: z.string(), dueDate: z.string(), reminderDays: z.array(z.string()), remindersSent: z.number().int(), planned: z.array(z.string()), deadlinePassed: z.boolean() })
    .nullable(),
});
export type RecheckState = z.infer<typeof RecheckState>;

export const RemediationPlanBody = z
  .strictObject({
    commandId: uuid,
    action: text(4000).describe('việc cần làm để đạt lại tiêu chí'),
    responsible: text(200).describe('người hoặc cơ quan chịu trách nhiệm'),
    dueDate: z.iso.date().nullable().default(null).describe('hạn hoàn thành; không quá hạn khắc phục của tỉnh (bỏ trống: hạn khắc phục)'),
  })
  .meta({
    id: 'RemediationPlanBody',
    examples: [{ commandId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', action: 'Hoàn thành sửa chữa 12 nhà ở dân cư chưa đạt chuẩn.', responsible: 'UBND xã, công chức địa chính - xây dựng', dueDate: '2026-09-30' }],
  });
export const RemediationPlanCommand = Sender.extend({ commandId: uuid, criterionCode: code, action: z.string(), responsible: z.string(), dueDate: z.string().nullable() });
export type RemediationPlanCommand = z.infer<typeof RemediationPlanCommand>;

const revocation = {
  commandId: uuid,
  outcome: z.literal('revoke'),
  number: decisionNumber,
  date: z.iso.date(),
  effectiveDate: z.iso.date().describe('ngày đơn vị thôi được công nhận'),
  signer: text(200),
  signerTitle: text(100).default('Chủ tịch'),
  reasons: text(4000),
};
const keeping = { commandId: uuid, outcome: z.literal('keep'), reasons: text(4000) };
export const RevocationDecisionBody = z.discriminatedUnion('outcome', [z.strictObject(revocation), z.strictObject(keeping)]).meta({
  id: 'RevocationDecisionBody',
  examples: [
    {
      commandId: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e',
      outcome: 'revoke',
      number: '2345/QĐ-UBND',
      date: '2026-08-15',
      effectiveDate: '2026-08-15',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Chủ tịch',
      reasons: 'Xã không còn đạt 10/19 tiêu chí sau rà soát năm 2026.',
    },
  ],
});
export type RevocationDecisionBody = z.infer<typeof RevocationDecisionBody>;
export const RevocationCommand = z.discriminatedUnion('outcome', [Sender.extend(revocation), Sender.extend(keeping)]);
export type RevocationCommand = z.infer<typeof RevocationCommand>;

// The re-check workflow's own messages; department verdicts use the dossier's recordAppraisal update.
export const recheckStateQuery = defineQuery<RecheckState>('recheckState');
export const recordReassessmentUpdate = defineUpdate<{ criterionCode: string; change: 'new' | 'unchanged' | 'changed' }, [SelfAssessmentCommand]>('recordReassessment');
export const submitReassessmentUpdate = defineUpdate<{ stage: string; carriedOver: string[] }, [SubmitCommand]>('submitReassessment');
export const recordRemediationPlanUpdate = defineUpdate<{ criterionCode: string; dueDate: string }, [RemediationPlanCommand]>('recordRemediationPlan');
export const requestReappraisalUpdate = defineUpdate<{ stage: string }, [SubmitCommand]>('requestReappraisal');
export const decideRevocationUpdate = defineUpdate<{ stage: string; outcome: string; decisionId: string }, [RevocationCommand]>('decideRevocation');

export const recheckFailureTypes = {
  /** A remediation plan for a criterion that is met, or a deadline after the province's. */
  invalidRemediation: 'REMEDIATION_INVALID',
} as const;

export const RecheckView = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    provinceCode: z.string(),
    districtCode: z.string().nullable(),
    trackCode: z.string(),
    year: z.number().int(),
    stage: z.string(),
    outcome: z.string().nullable(),
    criteriaSetCode: z.string().nullable(),
    criteria: z.array(
      z.object({
        code: z.string(),
        number: z.number().int(),
        name: z.string(),
        isKey: z.boolean(),
        met: z.boolean().nullable(),
        explanation: z.string().nullable(),
        evidenceIds: z.array(z.string()),
        /** carried_over: last values, not re-assessed yet; new, unchanged or changed once re-assessed. */
        change: z.string(),
        lastMet: z.boolean().nullable(),
        /** What the indicators' values compute to on the re-check's thresholds (undetermined without values or thresholds). */
        computed: ComputedOutcome,
        indicators: z.array(JudgedIndicatorView),
        result: z.string().nullable(),
        remediation: z.object({ action: z.string(), responsible: z.string(), dueDate: z.string() }).nullable(),
      }),
    ),
    tasks: z.array(z.object({ round: z.number().int(), departmentCode: z.string(), criterionCodes: z.array(z.string()), dueDate: z.string(), closedAt: z.string().nullable(), verdicts: z.record(z.string(), z.object({ verdict: z.string(), reason: z.string().nullable() })) })),
    assessment: RecheckAssessmentResult.nullable(),
    remediationDueDate: z.string().nullable(),
    decision: z
      .object({ id: z.string(), outcome: z.string(), number: z.string().nullable(), signedOn: z.string().nullable(), effectiveOn: z.string().nullable(), signer: z.string().nullable(), reasons: z.string(), pdfSha256: z.string().nullable() })
      .nullable(),
    history: z.array(z.object({ type: z.string(), actor: z.string(), occurredAt: z.string(), toStage: z.string().nullable() })),
  })
  .meta({ id: 'Recheck' });
export type RecheckView = z.infer<typeof RecheckView>;
