import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DecisionBody, Problem, decideDossierUpdate } from '@ntm/contracts';
import { fromStoredDate } from '@ntm/domain';
import type { Storage } from '@ntm/storage';
import { HttpProblem } from '@ntm/http';
import type { FastifyRequest } from 'fastify';
import { actorOf, requireDossierAccess } from '@ntm/access';
import { sendCommand, type DossierRouteDeps } from './routes.js';

const Id = z.object({ id: z.uuid() });
const problems = { 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const DecisionView = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    outcome: z.enum(['recognised', 'refused']),
    number: z.string().nullable(),
    date: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    signer: z.string().nullable(),
    reasons: z.string().nullable(),
    pdfSha256: z.string().nullable(),
  })
  .meta({ id: 'Decision' });

/** The decision document's bytes, as the OpenAPI document describes a file. */
const DecisionPdf = z.string().meta({ format: 'binary', description: 'Văn bản quyết định (PDF)' });

const isoDate = (d: Date | null) => (d ? fromStoredDate(d) : null);

/** The provincial office's decision and the decision document. */
export function decisionRoutes(deps: DossierRouteDeps & { storage: Storage }): FastifyPluginAsyncZod {
  const { db, storage } = deps;
  const decisionOf = async (request: FastifyRequest, dossierId: string) => {
    await requireDossierAccess(db, actorOf(request), 'dossier.read', dossierId);
    const d = await db.decision.findUnique({ where: { dossierId } });
    if (!d) throw new HttpProblem('notFound', 'Hồ sơ chưa có quyết định.');
    return d;
  };

  return async (app) => {
    app.post(
      '/dossiers/:id/decision',
      {
        schema: {
          operationId: 'decideDossier',
          description: 'Tỉnh (hoặc huyện, theo loại hồ sơ) ban hành quyết định công nhận, kèm số quyết định dạng 1234/QĐ-UBND, ngày, ngày hiệu lực và người ký; văn bản PDF được lập và lưu. Hoặc quyết định không công nhận kèm lý do. 409 khi số quyết định đã dùng trong tỉnh và năm, hoặc hồ sơ không ở bước quyết định.',
          tags: ['decision'],
          summary: 'Ban hành quyết định công nhận (số, ngày, người ký, ngày hiệu lực) hoặc từ chối kèm lý do',
          params: Id,
          body: DecisionBody,
          response: { 200: z.object({ stage: z.string(), decisionId: z.string() }), ...problems },
        },
      },
      async (request) => {
        return sendCommand(deps, request, 'decision.decide', request.params.id, decideDossierUpdate, request.body);
      },
    );

    app.get('/dossiers/:id/decision', { schema: { operationId: 'getDecision', summary: 'Quyết định của một hồ sơ', description: 'Kết quả (công nhận/không công nhận), số, ngày, người ký, lý do và mã SHA-256 của văn bản. 404 khi hồ sơ chưa có quyết định.', tags: ['decision'], params: Id, response: { 200: DecisionView, 404: Problem } } }, async (request) => {
      const d = await decisionOf(request, request.params.id);
      return {
        id: d.id,
        dossierId: d.dossierId,
        outcome: d.outcome as 'recognised' | 'refused',
        number: d.number,
        date: isoDate(d.signedOn),
        effectiveDate: isoDate(d.effectiveOn),
        signer: d.signer,
        reasons: d.reasons,
        pdfSha256: d.pdfSha256,
      };
    });

    app.get(
      '/dossiers/:id/decision.pdf',
      {
        schema: {
          operationId: 'downloadDecisionPdf',
          description: 'Văn bản quyết định công nhận (PDF, có mã QR dẫn đến trang xác thực công khai); tiêu đề X-Content-SHA256 mang mã băm của tệp. 404 khi chưa có quyết định hoặc văn bản.',
          tags: ['decision'],
          summary: 'Tải văn bản quyết định (PDF)',
          params: Id,
          produces: ['application/pdf'],
          response: { 200: DecisionPdf, 404: Problem },
        },
      },
      async (request, reply) => {
        const d = await decisionOf(request, request.params.id);
        if (!d.pdfKey) throw new HttpProblem('notFound', 'Quyết định chưa có văn bản.');
        // Streamed straight from storage: Fastify sends a stream as it is, without the schema's serializer.
        const pdf = (await storage.getStream(d.pdfKey)) as unknown as string;
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="quyet-dinh-${d.id}.pdf"`)
          .header('x-content-sha256', d.pdfSha256 ?? '')
          .send(pdf);
      },
    );
  };
}
