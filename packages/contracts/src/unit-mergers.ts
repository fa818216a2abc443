import { z } from 'zod';

const code = z.string().trim().min(1).max(64);

/** One row of a province's merger table: a unit that merged into a new one, from a date. */
export const UnitMergerRow = z.strictObject({ formerUnitCode: code, newUnitCode: code, effectiveOn: z.iso.date() });
export type UnitMergerRow = z.infer<typeof UnitMergerRow>;

export const UnitMergersBody = z.strictObject({ mergers: z.array(UnitMergerRow).min(1).max(10_000) }).meta({ id: 'UnitMergersBody' });
export type UnitMergersBody = z.infer<typeof UnitMergersBody>;

export const UnitMergerView = z
  .object({ formerUnitCode: z.string(), formerUnitName: z.string(), newUnitCode: z.string(), newUnitName: z.string(), effectiveOn: z.string() })
  .meta({ id: 'UnitMerger' });
export type UnitMergerView = z.infer<typeof UnitMergerView>;

export const UnitMergersReport = z
  .object({ dryRun: z.boolean(), created: z.number().int(), unchanged: z.number().int(), mergers: z.array(UnitMergerView) })
  .meta({ id: 'UnitMergersReport' });
export type UnitMergersReport = z.infer<typeof UnitMergersReport>;

export const FormerDecisionView = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  decisionId: z.string(),
  decisionNumber: z.string().nullable(),
  signedOn: z.string().nullable(),
  year: z.number().int(),
});

/** What the system proposes for a merged unit on a track: a provincial decision without appraisal, or the process. */
export const MergerRecognitionProposalView = z
  .object({
    unitCode: z.string(),
    trackCode: z.string(),
    mergedOn: z.string().nullable(),
    proposed: z.boolean(),
    formerDecisions: z.array(FormerDecisionView),
    reasons: z.array(z.object({ unitCode: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: 'MergerRecognitionProposal' });
export type MergerRecognitionProposalView = z.infer<typeof MergerRecognitionProposalView>;

export const MergerRecognitionBody = z
  .strictObject({
    commandId: z.uuid(),
    trackCode: code,
    number: z.string().regex(/^\d{1,6}\/QĐ-UBND$/, 'số quyết định có dạng 1234/QĐ-UBND'),
    date: z.iso.date(),
    signer: z.string().trim().min(1).max(200),
    signerTitle: z.string().trim().min(1).max(100).default('Chủ tịch'),
  })
  .meta({
    id: 'MergerRecognitionBody',
    examples: [{ commandId: '2b7d4c1e-9f3a-4e8b-a6d5-0c1f2e3d4a5b', trackCode: 'COMMUNE_NTM', number: '1876/QĐ-UBND', date: '2025-09-15', signer: 'Nguyễn Văn A', signerTitle: 'Chủ tịch' }],
  });
export type MergerRecognitionBody = z.infer<typeof MergerRecognitionBody>;

export const MergerDecisionView = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    trackCode: z.string(),
    number: z.string(),
    signedOn: z.string(),
    signer: z.string(),
    signerTitle: z.string().nullable(),
    mergedOn: z.string(),
    formerDecisions: z.array(FormerDecisionView),
  })
  .meta({ id: 'MergerDecision' });
export type MergerDecisionView = z.infer<typeof MergerDecisionView>;
