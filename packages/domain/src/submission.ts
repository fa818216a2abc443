/**
 * What still stops a dossier from being submitted: every required criterion self-assessed as met,
 * every required document attached. Messages are Vietnamese; the list is ordered as the catalog is.
 */
export interface SubmissionInput {
  requiredCriteria: ReadonlyArray<{ code: string; number: number; name: string }>;
  requiredDocuments: ReadonlyArray<{ code: string; name: string }>;
  /** criterion code → self-assessed as met */
  selfAssessed: Readonly<Record<string, boolean>>;
  /** document code → evidence id */
  documents: Readonly<Record<string, string>>;
}

export const MissingKind = {
  criterionNotAssessed: 'criterion_not_assessed',
  criterionNotMet: 'criterion_not_met',
  documentMissing: 'document_missing',
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
  return missing;
}
