import { z } from 'zod';

// Recognitions decided before the province adopted the system, registered so units start with
// their standing (docs/registered-recognitions.md).

const code = z.string().trim().min(1).max(64);

export const RegisterRecognitionBody = z
  .strictObject({
    unitCode: code,
    trackCode: code,
    /** The year the unit was recognised for. */
    year: z.number().int().min(2010).max(2100),
    decisionNumber: z.string().trim().min(1).max(60),
    signedOn: z.iso.date(),
    signer: z.string().trim().min(1).max(200),
    signerTitle: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .meta({
    id: 'RegisterRecognitionBody',
    examples: [{ unitCode: '110-03628', trackCode: 'COMMUNE_NTM', year: 2022, decisionNumber: '1520/QĐ-UBND', signedOn: '2022-12-20', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch' }],
  });
export type RegisterRecognitionBody = z.infer<typeof RegisterRecognitionBody>;

export const RegisteredRecognition = z
  .object({
    /** The registered decision's id: its verification page is /public/decisions/{id}. */
    decisionId: z.string(),
    provinceCode: z.string(),
    unitCode: z.string(),
    trackCode: z.string(),
    year: z.number().int(),
    decisionNumber: z.string(),
    signedOn: z.string(),
    signer: z.string(),
    signerTitle: z.string().nullable(),
    status: z.enum(['active', 'revoked']),
    /** The scanned decision, when attached: its SHA-256 and size. */
    pdf: z.object({ sha256: z.string(), sizeBytes: z.number().int() }).nullable(),
    registeredBy: z.string(),
    registeredAt: z.string(),
  })
  .meta({ id: 'RegisteredRecognition' });
export type RegisteredRecognition = z.infer<typeof RegisteredRecognition>;

export const RecognitionImportReport = z
  .object({ dryRun: z.boolean(), count: z.number().int(), registered: z.array(RegisteredRecognition.pick({ unitCode: true, trackCode: true, year: true, decisionNumber: true, signedOn: true })) })
  .meta({ id: 'RecognitionImportReport' });
export type RecognitionImportReport = z.infer<typeof RecognitionImportReport>;

/** Columns of the registered recognitions CSV, in order; signer_title may be empty. */
export const recognitionCsvColumns = ['unit_code', 'track_code', 'year', 'decision_number', 'signed_on', 'signer', 'signer_title'] as const;
