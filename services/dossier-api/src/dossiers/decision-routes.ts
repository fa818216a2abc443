import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionDocument, loadDecisionSetting, readDossierPlan, signerProblem } from '@ntm/catalog';
import { DecisionBody, Problem, decideDossierUpdate } from '@ntm/contracts';
import { renderDecisionPdf } from '@ntm/documents';
import { availableCommands, fromStoredDate } from '@ntm/domain';
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

/** What a recognition says (number, days, signer, submission): the decision's body without the command's id. */
const DecisionPreviewBody = DecisionBody.options[0].omit({ commandId: true, outcome: true }).meta({
  id: 'DecisionPreview',
  examples: [{ number: '1234/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Nguyễn Văn A', signerTitle: 'Chủ tịch', submissionNumber: '45/TTr-UBND', submissionDate: '2026-10-30' }],
});

const isoDate = (d: Date | null) => (d ? fromStoredDate(d) : null);

/** The provincial office's decision and the decision document. */
export function decisionRoutes(deps: DossierRouteDeps & { storage: Storage; publicBaseUrl: string }): FastifyPluginAsyncZod {
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

    app.post(
      '/dossiers/:id/decision/preview',
      {
        schema: {
          operationId: 'previewDecisionPdf',
          description:
            'Văn bản quyết định công nhận như sẽ được ban hành với số, ngày, người ký đã nhập, để người có thẩm quyền xem trước khi ban hành; không ghi lại gì. Mã QR của bản xem trước không dẫn đến quyết định nào. 403 khi người dùng không được ban hành quyết định của hồ sơ; 409 khi hồ sơ không ở bước quyết định; 422 khi mẫu quyết định của tỉnh chưa đủ hoặc chức vụ người ký không hợp.',
          tags: ['decision'],
          summary: 'Xem trước văn bản quyết định công nhận (PDF)',
          params: Id,
          body: DecisionPreviewBody,
          produces: ['application/pdf'],
          response: { 200: DecisionPdf, ...problems },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { scope } = await requireDossierAccess(db, actor, 'decision.decide', request.params.id);
        const dossier = await db.dossier.findUniqueOrThrow({ where: { id: request.params.id } });
        // The same rule as the available commands: the dossier must be at the step this person decides.
        const { stages } = await readDossierPlan(db, dossier);
        const stage = { code: dossier.stage, kind: stages.find((s) => s.code === dossier.stage)?.kind ?? null };
        if (!availableCommands(actor, scope, stage).commands.includes('decision.decide')) throw new HttpProblem('wrongStage', 'Hồ sơ không ở bước ban hành quyết định.');
        const loaded = await loadDecisionSetting(db, dossier);
        if ('problems' in loaded) throw new HttpProblem('unprocessable', loaded.problems.join(' '));
        const signer = signerProblem(loaded.setting, request.body.signerTitle);
        if (signer !== null) throw new HttpProblem('unprocessable', signer);
        const pdf = await renderDecisionPdf(decisionDocument(loaded.setting, { ...request.body, year: dossier.year, verifyUrl: `${deps.publicBaseUrl}/public/decisions/xem-truoc` }));
        // Bytes sent as they are: the schema describes a file, not a string to serialize.
        return reply.type('application/pdf').header('content-disposition', 'inline; filename="xem-truoc-quyet-dinh.pdf"').send(pdf as unknown as string);
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
