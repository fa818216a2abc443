import { z } from 'zod';
import { DecidingLevel, MissingKind } from '@ntm/domain';
import { PlannedCriterion, ThresholdGroup } from './planned-criteria.js';
import { StageKindSchema } from './vocabulary.js';

// The dossier workflow's messages and the dossier API's bodies. Shared by the API (which sends
// them) and the workflow (which validates and handles them), so both agree on one shape.

const code = z.string().min(1).max(64);
const uuid = z.uuid();
/** The years a dossier may be opened for; a list filtered by another year is refused, not sent to PostgreSQL. */
export const dossierYears = { min: 2021, max: 2100 } as const;
export const DossierYear = z.number().int().min(dossierYears.min).max(dossierYears.max);

export const Stage = z.object({ code, name: z.string(), kind: StageKindSchema, decidingLevel: DecidingLevel });

export const Verdict = z.enum(['met', 'not_met', 'needs_supplementation']);
export type Verdict = z.infer<typeof Verdict>;

export const DossierWorkflowInput = z.object({
  dossierId: uuid,
  trackingCode: z.string(),
  unitCode: code,
  /** The unit's ancestry, province first, the unit last. */
  unitChain: z.array(code).min(1),
  /** The level of the track's units: who may act on the dossier depends on it. */
  unitLevel: z.enum(['village', 'commune', 'district']),
  provinceCode: code,
  districtCode: code.nullable(),
  trackCode: code,
  year: z.number().int(),
  criteriaSetCode: code,
  /** The plan's names and thresholds (see DossierPlan); absent from inputs of dossiers opened before it. */
  trackName: z.string().optional(),
  criteriaSetName: z.string().optional(),
  legalBasis: z.string().optional(),
  thresholdGroup: ThresholdGroup.nullable().optional(),
  requiredCriteria: z.array(PlannedCriterion).min(1),
  requiredDocuments: z.array(z.object({ code, name: z.string() })),
  stages: z.array(Stage).min(2),
  /** Who appraises what: resolved from the province's assignments when the dossier is opened. */
  appraisers: z.array(z.object({ departmentCode: code, departmentName: z.string(), criterionCodes: z.array(code).min(1) })).min(1),
  /** false: the two-tier chain, the district confirmation stage is skipped. */
  hasDistrictStage: z.boolean(),
  /** Province settings: days the results stay posted, residents' satisfaction threshold (null: not set). */
  postingPeriodDays: z.number().int().nullable(),
  satisfactionThresholdPercent: z.number().nullable(),
  durations: z.record(z.string(), z.object({ amount: z.number().int(), unit: z.enum(['days', 'working_days']), reminderEveryDays: z.number().int().nullable() })),
  holidays: z.array(z.string()),
  /** Who opened the dossier, for its record and the audit trail. */
  openedBy: z.object({ actor: z.string().min(1), role: z.string().nullable(), requestId: z.string().nullable() }),
});
export type DossierWorkflowInput = z.infer<typeof DossierWorkflowInput>;

/** One role a user holds, as the identity service found it (the domain's authorization rules read it). */
export const ActingGrant = z.object({ role: z.string(), unitCode: z.string().nullable(), departmentCode: z.string().nullable() });

/**
 * Who sends a command: the user (shown in history), the role the API allowed it under, every
 * grant the user holds (the workflow checks them again) and the HTTP request id, for the audit trail.
 * `receivedAt` is the instant the API received it (ISO): the workflow dates what the command
 * does from it in Vietnam's calendar (absent from commands sent before it existed).
 */
export const Sender = z.object({
  actor: z.string().min(1),
  role: z.string().nullable(),
  grants: z.array(ActingGrant),
  requestId: z.string().nullable(),
  receivedAt: z.iso.datetime().optional(),
});
export type Sender = z.infer<typeof Sender>;
/** Who an activity records as having done something; the system's own steps (deadlines, round ends) are 'system'. */
export type RecordedBy = Pick<Sender, 'actor' | 'role' | 'requestId'>;
export const senderOf = ({ actor, role, requestId }: Sender): RecordedBy => ({ actor, role, requestId });
export const systemSender: RecordedBy = { actor: 'system', role: null, requestId: null };

/** Every command carries the client's id: a retried request with the same id is answered once. */
const Command = Sender.extend({ commandId: uuid });

export const IndicatorResult = z.strictObject({
  indicatorCode: code,
  met: z.boolean(),
  value: z.union([z.number(), z.boolean(), z.string().max(200)]).nullable(),
});

export const SelfAssessmentBody = z.strictObject({
  commandId: uuid,
  met: z.boolean(),
  explanation: z.string().trim().min(1).max(4000),
  indicators: z.array(IndicatorResult).max(100).default([]),
  evidenceIds: z.array(uuid).max(200).default([]),
}).meta({
  examples: [
    {
      commandId: '0b7e4f3a-5c1d-4e2f-9a8b-7c6d5e4f3a21',
      met: true,
      explanation: 'Xã đã có quy hoạch chung được phê duyệt và công bố công khai.',
      indicators: [{ indicatorCode: '1.1', met: true, value: true }],
      evidenceIds: ['3f6c1a9e-8d2b-4c1e-9a7f-2b5d8e0c4a11'],
    },
  ],
});
export const SelfAssessmentCommand = Command.extend({
  criterionCode: code,
  met: z.boolean(),
  explanation: z.string(),
  indicators: z.array(IndicatorResult),
  evidenceIds: z.array(z.string()),
});
export type SelfAssessmentCommand = z.infer<typeof SelfAssessmentCommand>;

export const AttachDocumentBody = z
  .strictObject({ commandId: uuid, evidenceId: uuid })
  .meta({ examples: [{ commandId: '5d2c8e1f-7a3b-4c9d-8e6f-1a2b3c4d5e6f', evidenceId: '3f6c1a9e-8d2b-4c1e-9a7f-2b5d8e0c4a11' }] });
export const AttachDocumentCommand = Command.extend({ documentCode: code, evidenceId: z.string() });
export type AttachDocumentCommand = z.infer<typeof AttachDocumentCommand>;

export const PostingBody = z
  .strictObject({ commandId: uuid, startDate: z.iso.date(), evidenceIds: z.array(uuid).max(50).default([]) })
  .meta({ examples: [{ commandId: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', startDate: '2026-09-01', evidenceIds: ['3f6c1a9e-8d2b-4c1e-9a7f-2b5d8e0c4a11'] }] });
export const PostingCommand = Command.extend({ startDate: z.string(), evidenceIds: z.array(z.string()) });
export type PostingCommand = z.infer<typeof PostingCommand>;

export const SatisfactionBody = z.strictObject({
  commandId: uuid,
  percent: z.number().min(0).max(100),
  respondents: z.number().int().min(1).nullable().default(null),
  evidenceIds: z.array(uuid).max(50).default([]),
}).meta({ examples: [{ commandId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', percent: 92.5, respondents: 412, evidenceIds: [] }] });
export const SatisfactionCommand = Command.extend({ percent: z.number(), respondents: z.number().int().nullable(), evidenceIds: z.array(z.string()) });
export type SatisfactionCommand = z.infer<typeof SatisfactionCommand>;

export const AttestationKind = z.enum(['no_construction_debt', 'no_complex_security_situation']);
export const AttestationBody = z
  .strictObject({ commandId: uuid, attested: z.boolean(), explanation: z.string().trim().min(1).max(4000), evidenceIds: z.array(uuid).max(50).default([]) })
  .meta({ examples: [{ commandId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', attested: true, explanation: 'Xã không còn nợ đọng xây dựng cơ bản.', evidenceIds: [] }] });
export const AttestationCommand = Command.extend({ kind: AttestationKind, attested: z.boolean(), explanation: z.string(), evidenceIds: z.array(z.string()) });
export type AttestationCommand = z.infer<typeof AttestationCommand>;

export const SubmitBody = z.strictObject({ commandId: uuid }).meta({ examples: [{ commandId: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f' }] });
export const SubmitCommand = Command;
export type SubmitCommand = z.infer<typeof SubmitCommand>;

export const CreateDossierBody = z.strictObject({
  commandId: uuid.describe('mã lệnh do máy khách tạo (UUID); gửi lại cùng mã sẽ nhận cùng kết quả, hồ sơ lấy mã này làm id'),
  unitCode: code,
  trackCode: code,
  year: DossierYear,
}).meta({ examples: [{ commandId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', unitCode: '110-03628', trackCode: 'COMMUNE_NTM', year: 2026 }] });
export type CreateDossierBody = z.infer<typeof CreateDossierBody>;

export const AppraisalBody = z
  .strictObject({
    commandId: uuid,
    departmentCode: code,
    verdict: Verdict,
    reason: z.string().trim().max(4000).nullable().default(null),
  })
  .refine((b) => b.verdict === 'met' || (b.reason !== null && b.reason.length > 0), { path: ['reason'], message: 'cần nêu lý do khi chưa đạt hoặc yêu cầu bổ sung' })
  .meta({ examples: [{ commandId: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e', departmentCode: 'SXD', verdict: 'not_met', reason: 'Chưa có văn bản phê duyệt quy hoạch chung xã.' }] });
export const AppraisalCommand = Command.extend({ departmentCode: code, criterionCode: code, verdict: Verdict, reason: z.string().nullable() });
export type AppraisalCommand = z.infer<typeof AppraisalCommand>;

export const ConfirmationBody = z
  .strictObject({ commandId: uuid, decision: z.enum(['confirm', 'return']), reasons: z.string().trim().max(4000).nullable().default(null) })
  .refine((b) => b.decision === 'confirm' || (b.reasons !== null && b.reasons.length > 0), { path: ['reasons'], message: 'cần nêu lý do khi trả hồ sơ' })
  .meta({ examples: [{ commandId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', decision: 'confirm', reasons: null }] });
export const ConfirmationCommand = Command.extend({ decision: z.enum(['confirm', 'return']), reasons: z.string().nullable() });
export type ConfirmationCommand = z.infer<typeof ConfirmationCommand>;

export const decisionNumber = z.string().regex(/^\d{1,6}\/QĐ-UBND$/, 'số quyết định có dạng 1234/QĐ-UBND');
const recognition = {
  commandId: uuid,
  outcome: z.literal('recognise'),
  number: decisionNumber,
  date: z.iso.date(),
  effectiveDate: z.iso.date(),
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(100).default('Chủ tịch'),
  /** The submission (tờ trình) the decision answers, as its "Xét đề nghị …" line cites it. */
  submissionNumber: z.string().trim().min(1).max(50).nullable().default(null).describe('số tờ trình được trả lời, ví dụ 45/TTr-UBND'),
  submissionDate: z.iso.date().nullable().default(null),
};
const refusal = { commandId: uuid, outcome: z.literal('refuse'), reasons: z.string().trim().min(1).max(4000) };
export const DecisionBody = z.discriminatedUnion('outcome', [z.strictObject(recognition), z.strictObject(refusal)]).meta({
  examples: [
    {
      commandId: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
      outcome: 'recognise',
      number: '1234/QĐ-UBND',
      date: '2026-11-20',
      effectiveDate: '2026-11-20',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Chủ tịch',
      submissionNumber: '45/TTr-UBND',
      submissionDate: '2026-10-30',
    },
  ],
});
export type DecisionBody = z.infer<typeof DecisionBody>;
// The body's fields with the sender's: the HTTP body is strict, the workflow message carries both.
export const DecisionCommand = z.discriminatedUnion('outcome', [Sender.extend(recognition), Sender.extend(refusal)]);
export type DecisionCommand = z.infer<typeof DecisionCommand>;

export const AppraisalTaskState = z.object({
  round: z.number().int(),
  departmentCode: z.string(),
  criterionCodes: z.array(z.string()),
  dueDate: z.string(),
  verdicts: z.record(z.string(), z.object({ verdict: Verdict, reason: z.string().nullable() })),
  closed: z.boolean(),
  /** Workflow time (ms) the task opened; reminders count from it. */
  openedAt: z.number(),
  remindersSent: z.number().int(),
  escalated: z.boolean(),
});
export type AppraisalTaskState = z.infer<typeof AppraisalTaskState>;

/** What the workflow knows and answers through its query. */
export const DossierWorkflowState = z.object({
  dossierId: z.string(),
  stage: z.string(),
  selfAssessed: z.record(z.string(), z.boolean()),
  documents: z.record(z.string(), z.string()),
  round: z.number().int(),
  tasks: z.array(AppraisalTaskState),
  /** Criteria sent back to the commune for supplementation in the current round. */
  supplementation: z.array(z.string()),
  postingStartedOn: z.string().nullable(),
  postingElapsed: z.boolean(),
  satisfactionPercent: z.number().nullable(),
  attestations: z.record(z.string(), z.boolean()),
  /** Criteria submitted and awaiting the commune's verification before their appraisal (village chain). */
  pendingCriteria: z.array(z.string()).optional(),
});
export type DossierWorkflowState = z.infer<typeof DossierWorkflowState>;

/** What is still missing before a dossier can be submitted. */
export const MissingItem = z.object({
  kind: z.enum(Object.values(MissingKind)),
  code: z.string(),
  message: z.string(),
});
export type MissingItem = z.infer<typeof MissingItem>;

/** Failure types the workflow raises; the API maps each to an HTTP status. */
export const dossierFailureTypes = {
  wrongStage: 'WRONG_STAGE',
  /** A self-assessment the rules refuse: an unknown indicator, a value of the wrong kind, a claim the thresholds contradict. */
  invalidSelfAssessment: 'SELF_ASSESSMENT_INVALID',
  unknownCriterion: 'UNKNOWN_CRITERION',
  unknownDocument: 'UNKNOWN_DOCUMENT',
  incomplete: 'SUBMISSION_INCOMPLETE',
  alreadyOpen: 'DOSSIER_ALREADY_OPEN',
  notAssigned: 'CRITERION_NOT_ASSIGNED',
  forbidden: 'FORBIDDEN',
  taskClosed: 'TASK_CLOSED',
  duplicateDecisionNumber: 'DUPLICATE_DECISION_NUMBER',
  decisionFormIncomplete: 'DECISION_FORM_INCOMPLETE',
} as const;

export const dossierWorkflowId = (dossierId: string) => `dossier/${dossierId}`;
