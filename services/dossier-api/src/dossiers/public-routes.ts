import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDossierPlan } from '@ntm/catalog';
import { Problem } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { renderVerificationPage, wantsHtml } from './verification-page.js';
import { ProcessControl, readProcessControl } from './view.js';
import { readRegisteredVerification } from '../recognitions/registered-verification.js';
import { readRevocation, readRevocationVerification } from '../rechecks/revocation-verification.js';

const PublicDossier = z
  .object({
    trackingCode: z.string(),
    stage: z.string(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** The process-control record's dates, without who did what. */
    steps: z.array(z.object({ stageName: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), dueDate: z.string().nullable(), status: ProcessControl.shape.steps.element.shape.status })),
  })
  .meta({ id: 'PublicDossierStatus' });

const DecisionVerification = z
  .object({
    decisionId: z.string(),
    number: z.string(),
    date: z.string(),
    unitName: z.string(),
    trackName: z.string(),
    year: z.number().int(),
    /** The decision PDF's SHA-256; null for a registered earlier decision without a scanned copy. */
    sha256: z.string().nullable(),
    recognitionStatus: z.enum(['active', 'revoked']),
    /** true: an earlier decision, issued before the province adopted the system and registered in it. */
    registered: z.boolean(),
    /** recognition, or the revocation decision that ended one (its unit, track and year are the recognition's). */
    kind: z.enum(['recognition', 'revocation']),
    /** For a revoked recognition: the day its standing ended and the revocation decision's number (null when not on record). */
    revokedOn: z.string().nullable(),
    revocationNumber: z.string().nullable(),
  })
  .meta({ id: 'DecisionVerification' });

/** What anyone may see without signing in: a dossier's stage by tracking code, and a decision's authenticity. */
export function publicRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/dossiers/:trackingCode',
      {
        config: { public: true },
        schema: {
          operationId: 'lookupDossierByTrackingCode',
          description: 'Không cần đăng nhập. Theo mã hồ sơ, trả về bước hiện tại và ngày của từng bước (không có người xử lý hay nội dung). 404 khi không có mã.',
          tags: ['public'],
          security: [],
          summary: 'Tra cứu tình trạng hồ sơ theo mã hồ sơ (chỉ bước và ngày)',
          params: z.object({ trackingCode: z.string().min(3).max(40) }),
          response: { 200: PublicDossier, 404: Problem },
        },
      },
      async ({ params }) => {
        const d = await db.dossier.findUnique({ where: { trackingCode: params.trackingCode } });
        if (!d) throw new HttpProblem('notFound', 'Không có hồ sơ với mã này.');
        const { steps } = await readProcessControl(db, d);
        return {
          trackingCode: d.trackingCode,
          stage: d.stage,
          createdAt: d.createdAt.toISOString(),
          submittedAt: d.submittedAt?.toISOString() ?? null,
          decidedAt: d.decidedAt?.toISOString() ?? null,
          steps: steps.map(({ stageName, startedAt, endedAt, dueDate, status }) => ({ stageName, startedAt, endedAt, dueDate, status })),
        };
      },
    );

    app.get(
      '/public/decisions/:id',
      {
        config: { public: true },
        schema: {
          operationId: 'verifyDecision',
          description: 'Không cần đăng nhập; địa chỉ trong mã QR của văn bản quyết định công nhận hoặc quyết định thu hồi. Trả về số, ngày, đơn vị, loại hồ sơ, mã SHA-256 và tình trạng (còn hiệu lực/đã thu hồi, từ ngày nào, theo quyết định nào): trang HTML cho trình duyệt, JSON cho máy. 404 khi không có quyết định với mã này.',
          tags: ['public'],
          security: [],
          summary: 'Xác thực quyết định công nhận: số, đơn vị, ngày và mã SHA-256 của văn bản (trang HTML cho trình duyệt, JSON cho máy)',
          params: z.object({ id: z.uuid() }),
          produces: ['application/json', 'text/html'],
          response: { 200: DecisionVerification, 404: Problem },
        },
      },
      async ({ params, headers }, reply) => {
        const d = await db.decision.findUnique({ where: { id: params.id }, include: { dossier: true } });
        if (!d) {
          const earlier = (await readRegisteredVerification(db, params.id)) ?? (await readRevocationVerification(db, params.id));
          if (!earlier) throw new HttpProblem('notFound', 'Không có quyết định công nhận hoặc thu hồi với mã này.');
          if (!wantsHtml(headers.accept)) return earlier;
          return reply.type('text/html; charset=utf-8').serializer((page: string) => page).send(renderVerificationPage(earlier) as unknown as typeof earlier);
        }
        if (d.outcome !== 'recognised' || !d.number || !d.signedOn || !d.pdfSha256) throw new HttpProblem('notFound', 'Không có quyết định công nhận với mã này.');
        const [unit, track, recognition] = await Promise.all([
          db.administrativeUnit.findUnique({ where: { code: d.dossier.unitCode } }),
          readDossierPlan(db, d.dossier),
          readRevocation(db, d.id),
        ]);
        const verified = {
          decisionId: d.id,
          number: d.number,
          date: fromStoredDate(d.signedOn),
          unitName: unit?.name ?? d.dossier.unitCode,
          trackName: track.trackName,
          year: d.dossier.year,
          sha256: d.pdfSha256,
          ...recognition,
          registered: false,
          kind: 'recognition' as const,
        };
        if (!wantsHtml(headers.accept)) return verified;
        // The page is text, not the JSON the schema above describes.
        return reply.type('text/html; charset=utf-8').serializer((page: string) => page).send(renderVerificationPage(verified) as unknown as typeof verified);
      },
    );
  };
}
