import { z } from 'zod';
import { FinalStage, StageKind, SystemStage, stageKindOrder } from '@ntm/domain';

// The system's words, named once: what a stage is, the stages the system itself puts a dossier
// in, and the types of the entries in a dossier's history. Everything else imports these; a unit
// test (vocabulary.test.ts) fails on a literal copy anywhere in the sources. Track stage codes
// (SELF_ASSESSMENT, APPRAISAL …) are catalog data, read from a dossier's plan, never named in code.

/** What a stage is (the domain's rules need these names too, so packages/domain defines the list). */
export { StageKind };
export const StageKindSchema = z.enum(stageKindOrder);

/** Stages outside a track's own, and the ones a dossier ends in (defined beside the domain's rules, which need them). */
export { SystemStage, FinalStage };

const systemStageNames: Record<SystemStage, string> = {
  OPENING: 'Đang lập hồ sơ',
  RECOGNISED: 'Đã có quyết định công nhận',
  REFUSED: 'Đã có quyết định không công nhận',
  REJECTED: 'Không lập được hồ sơ',
};

/** A stage's Vietnamese name: the track's own stages first, then the system's; the code otherwise. */
export function stageNameOf(code: string, trackStages: readonly { code: string; name: string }[]): string {
  return trackStages.find((s) => s.code === code)?.name ?? systemStageNames[code as SystemStage] ?? code;
}

/** The types of a dossier's history entries (dossier events and audit-trail rows). */
export const HistoryEvent = {
  dossierOpened: 'dossier.opened',
  selfAssessmentRecorded: 'selfAssessment.recorded',
  documentAttached: 'document.attached',
  postingRecorded: 'posting.recorded',
  postingElapsed: 'posting.elapsed',
  satisfactionRecorded: 'satisfaction.recorded',
  attestationRecorded: 'attestation.recorded',
  dossierSubmitted: 'dossier.submitted',
  appraisalOpened: 'appraisal.opened',
  appraisalVerdict: 'appraisal.verdict',
  appraisalReminder: 'appraisal.reminder',
  appraisalEscalated: 'appraisal.escalated',
  appraisalCompleted: 'appraisal.completed',
  supplementationRequested: 'appraisal.supplementation_requested',
  districtConfirmed: 'district.confirmed',
  districtReturned: 'district.returned',
  communeVerified: 'commune.verified',
  communeReturned: 'commune.returned',
  decisionRecognised: 'decision.recognised',
  decisionRefused: 'decision.refused',
  evidenceUploaded: 'evidence.uploaded',
  evidenceHeld: 'evidence.held',
  evidenceDeleted: 'evidence.deleted',
  // A re-check's history (its own appraisal rounds use the appraisal entries above).
  recheckOpened: 'recheck.opened',
  recheckBlocked: 'recheck.blocked',
  reassessmentRecorded: 'recheck.reassessed',
  reassessmentSubmitted: 'recheck.submitted',
  reassessmentReminder: 'recheck.reminder',
  reassessmentEscalated: 'recheck.escalated',
  maintenanceAssessed: 'recheck.assessed',
  remediationPlanned: 'remediation.planned',
  remediationReminder: 'remediation.reminder',
  reappraisalRequested: 'remediation.reappraisal_requested',
  remediationDeadlinePassed: 'remediation.deadline_passed',
  recognitionRevoked: 'revocation.revoked',
  recognitionKept: 'revocation.kept',
} as const;
export type HistoryEvent = (typeof HistoryEvent)[keyof typeof HistoryEvent];
