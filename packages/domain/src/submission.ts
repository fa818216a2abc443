import { appliedSetting } from './province-defaults.js';
import { addDays } from './vietnam-time.js';

/**
 * What still stops a dossier from being submitted (Quyết định 18/2022/QĐ-TTg): every required
 * criterion self-assessed as met, every required document attached, the public posting period
 * elapsed, residents' satisfaction at the province's threshold, and the two attestations (no
 * outstanding construction debt, no complex security situation). Messages are Vietnamese.
 */
export interface SubmissionInput {
  requiredCriteria: ReadonlyArray<{ code: string; number: number; name: string }>;
  requiredDocuments: ReadonlyArray<{ code: string; name: string }>;
  /** criterion code → self-assessed as met */
  selfAssessed: Readonly<Record<string, boolean>>;
  /** document code → evidence id */
  documents: Readonly<Record<string, string>>;
  /** The day the results were posted for residents' comments, if recorded. */
  postingStartedOn?: string | null;
  /** Days the posting must stay up (province setting); null: the national default. */
  postingPeriodDays?: number | null;
  /** Today, ISO date (workflow time inside a workflow). */
  today?: string;
  satisfactionPercent?: number | null;
  satisfactionThresholdPercent?: number | null;
  /** attestation kind → attested */
  attestations?: Readonly<Partial<Record<AttestationKind, boolean>>>;
}

export const AttestationKind = {
  noConstructionDebt: 'no_construction_debt',
  noComplexSecuritySituation: 'no_complex_security_situation',
} as const;
export type AttestationKind = (typeof AttestationKind)[keyof typeof AttestationKind];

const attestationNames: Record<AttestationKind, string> = {
  no_construction_debt: 'không nợ đọng xây dựng cơ bản',
  no_complex_security_situation: 'không có tình hình an ninh, trật tự phức tạp',
};

export const MissingKind = {
  criterionNotAssessed: 'criterion_not_assessed',
  criterionNotMet: 'criterion_not_met',
  documentMissing: 'document_missing',
  postingMissing: 'posting_missing',
  postingNotElapsed: 'posting_not_elapsed',
  satisfactionMissing: 'satisfaction_missing',
  satisfactionBelowThreshold: 'satisfaction_below_threshold',
  attestationMissing: 'attestation_missing',
} as const;
export type MissingKind = (typeof MissingKind)[keyof typeof MissingKind];

export interface MissingForSubmission {
  kind: MissingKind;
  code: string;
  message: string;
}

export function missingForSubmission(input: SubmissionInput): MissingForSubmission[] {
  const missing: MissingForSubmission[] = [];
  for (const c of [...input.requiredCriteria].sort((a, b) => a.number - b.number)) {
    const met = input.selfAssessed[c.code];
    if (met === undefined) {
      missing.push({ kind: MissingKind.criterionNotAssessed, code: c.code, message: `Tiêu chí ${c.number} (${c.name}) chưa được tự đánh giá.` });
    } else if (!met) {
      missing.push({ kind: MissingKind.criterionNotMet, code: c.code, message: `Tiêu chí ${c.number} (${c.name}) được tự đánh giá là chưa đạt.` });
    }
  }
  for (const d of input.requiredDocuments) {
    if (input.documents[d.code] === undefined) {
      missing.push({ kind: MissingKind.documentMissing, code: d.code, message: `Chưa đính kèm tài liệu bắt buộc: ${d.name}.` });
    }
  }
  if (input.today !== undefined) missing.push(...missingConditions(input, input.today));
  return missing;
}

function missingConditions(input: SubmissionInput, today: string): MissingForSubmission[] {
  const missing: MissingForSubmission[] = [];
  // Never empty: without the province's own values, the labelled national defaults.
  const period = appliedSetting('postingPeriodDays', input.postingPeriodDays ?? null).value;
  if (!input.postingStartedOn) {
    missing.push({ kind: MissingKind.postingMissing, code: 'posting', message: 'Chưa ghi nhận việc niêm yết công khai kết quả tự đánh giá.' });
  } else {
    const ends = addDays(input.postingStartedOn, period);
    if (today < ends) {
      missing.push({ kind: MissingKind.postingNotElapsed, code: 'posting', message: `Thời gian niêm yết công khai (${period} ngày) chưa hết; nộp được từ ngày ${ends}.` });
    }
  }
  const threshold = appliedSetting('satisfactionThresholdPercent', input.satisfactionThresholdPercent ?? null).value;
  if (input.satisfactionPercent === undefined || input.satisfactionPercent === null) {
    missing.push({ kind: MissingKind.satisfactionMissing, code: 'satisfaction', message: 'Chưa ghi nhận kết quả lấy ý kiến sự hài lòng của người dân.' });
  } else if (input.satisfactionPercent < threshold) {
    missing.push({ kind: MissingKind.satisfactionBelowThreshold, code: 'satisfaction', message: `Tỷ lệ hài lòng ${input.satisfactionPercent}% thấp hơn ngưỡng ${threshold}% của tỉnh.` });
  }
  for (const kind of Object.values(AttestationKind)) {
    if (input.attestations?.[kind] !== true) {
      missing.push({ kind: MissingKind.attestationMissing, code: kind, message: `Chưa xác nhận điều kiện: ${attestationNames[kind]}.` });
    }
  }
  return missing;
}
