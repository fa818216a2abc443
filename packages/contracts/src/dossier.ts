import { z } from 'zod';

// The dossier workflow's messages and the dossier API's bodies. Shared by the API (which sends
// them) and the workflow (which validates and handles them), so both agree on one shape.

const code = z.string().min(1).max(64);
const uuid = z.uuid();

export const Stage = z.object({ code, name: z.string(), decidingLevel: z.enum(['commune', 'district', 'province']) });

export const DossierWorkflowInput = z.object({
  dossierId: uuid,
  trackingCode: z.string(),
  unitCode: code,
  /** The unit's ancestry, province first, the unit last. */
  unitChain: z.array(code).min(1),
  provinceCode: code,
  districtCode: code.nullable(),
  trackCode: code,
  year: z.number().int(),
  criteriaSetCode: code,
  requiredCriteria: z.array(z.object({ code, number: z.number().int(), name: z.string() })).min(1),
  requiredDocuments: z.array(z.object({ code, name: z.string() })),
  stages: z.array(Stage).min(1),
  createdBy: z.string(),
});
export type DossierWorkflowInput = z.infer<typeof DossierWorkflowInput>;

/** Every command carries the client's id: a retried request with the same id is answered once. */
const Command = z.object({ commandId: uuid, actor: z.string().min(1) });

export const IndicatorResult = z.object({
  indicatorCode: code,
  met: z.boolean(),
  value: z.union([z.number(), z.boolean(), z.string().max(200)]).nullable(),
});

export const SelfAssessmentBody = z.object({
  commandId: uuid,
  met: z.boolean(),
  explanation: z.string().trim().min(1).max(4000),
  indicators: z.array(IndicatorResult).max(100).default([]),
  evidenceIds: z.array(uuid).max(200).default([]),
});
export const SelfAssessmentCommand = Command.extend({
  criterionCode: code,
  met: z.boolean(),
  explanation: z.string(),
  indicators: z.array(IndicatorResult),
  evidenceIds: z.array(z.string()),
});
export type SelfAssessmentCommand = z.infer<typeof SelfAssessmentCommand>;

export const AttachDocumentBody = z.object({ commandId: uuid, evidenceId: uuid });
export const AttachDocumentCommand = Command.extend({ documentCode: code, evidenceId: z.string() });
export type AttachDocumentCommand = z.infer<typeof AttachDocumentCommand>;

export const SubmitBody = z.object({ commandId: uuid });
export const SubmitCommand = Command;
export type SubmitCommand = z.infer<typeof SubmitCommand>;

export const CreateDossierBody = z.object({
  commandId: uuid.describe('mã lệnh do máy khách tạo (UUID); gửi lại cùng mã sẽ nhận cùng kết quả, hồ sơ lấy mã này làm id'),
  unitCode: code,
  trackCode: code,
  year: z.number().int().min(2021).max(2100),
});
export type CreateDossierBody = z.infer<typeof CreateDossierBody>;

/** What the workflow knows and answers through its query. */
export const DossierWorkflowState = z.object({
  dossierId: z.string(),
  stage: z.string(),
  selfAssessed: z.record(z.string(), z.boolean()),
  documents: z.record(z.string(), z.string()),
});
export type DossierWorkflowState = z.infer<typeof DossierWorkflowState>;

/** What is still missing before a dossier can be submitted. */
export const MissingItem = z.object({
  kind: z.enum(['criterion_not_assessed', 'criterion_not_met', 'document_missing']),
  code: z.string(),
  message: z.string(),
});
export type MissingItem = z.infer<typeof MissingItem>;

/** Failure types the workflow raises; the API maps each to an HTTP status. */
export const dossierFailureTypes = {
  wrongStage: 'WRONG_STAGE',
  unknownCriterion: 'UNKNOWN_CRITERION',
  unknownDocument: 'UNKNOWN_DOCUMENT',
  incomplete: 'SUBMISSION_INCOMPLETE',
  alreadyOpen: 'DOSSIER_ALREADY_OPEN',
} as const;

export const dossierWorkflowId = (dossierId: string) => `dossier/${dossierId}`;
