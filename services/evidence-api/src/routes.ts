import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import type { Storage } from '@ntm/storage';
import { storeEvidence, type StoredEvidence, type UploadLimits } from './upload.js';

export const EvidenceView = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    mediaType: z.string(),
    originalName: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Evidence' });

const presignSeconds = 300;
const DossierId = z.object({ dossierId: z.uuid() });
const Id = z.object({ id: z.uuid() });

// Until identity arrives (bearer tokens), the acting user is named by this header.
const actorOf = (request: FastifyRequest) => String(request.headers['x-ntm-actor'] ?? 'unauthenticated');

type EvidenceRow = Awaited<ReturnType<Db['evidence']['findFirstOrThrow']>>;
const toView = (e: EvidenceRow): StoredEvidence => ({
  id: e.id,
  dossierId: e.dossierId,
  sha256: e.sha256,
  sizeBytes: Number(e.sizeBytes),
  mediaType: e.mediaType,
  originalName: e.originalName,
  uploadedBy: e.uploadedBy,
  uploadedAt: e.uploadedAt.toISOString(),
});

export function evidenceRoutes(deps: { db: Db; storage: Storage; limits: UploadLimits }): FastifyPluginAsyncZod {
  const { db, storage, limits } = deps;

  /** The dossier, and whether it is in its self-assessment stage (the only time files are added or removed). */
  async function dossierState(dossierId: string) {
    const dossier = await db.dossier.findUnique({ where: { id: dossierId } });
    if (!dossier) throw new HttpProblem('notFound', `Không có hồ sơ "${dossierId}".`);
    const track = await db.track.findUnique({ where: { code: dossier.trackCode } });
    const stages = (track?.stages ?? []) as Array<{ code: string; kind: string }>;
    return { dossier, editable: stages.find((s) => s.code === dossier.stage)?.kind === 'self_assessment' };
  }
  async function evidenceOf(id: string) {
    const e = await db.evidence.findUnique({ where: { id } });
    if (!e) throw new HttpProblem('notFound', `Không có minh chứng "${id}".`);
    return e;
  }

  return async (app) => {
    app.post(
      '/dossiers/:dossierId/evidence',
      {
        schema: {
          operationId: 'uploadEvidence',
          tags: ['evidence'],
          summary: 'Tải lên một tệp minh chứng (multipart, trường "file"); kiểu tệp được kiểm tra theo nội dung',
          consumes: ['multipart/form-data'],
          params: DossierId,
          response: { 201: EvidenceView, 400: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem },
        },
      },
      async (request, reply) => {
        const { dossier, editable } = await dossierState(request.params.dossierId);
        if (!editable) throw new HttpProblem('conflict', `Hồ sơ đang ở bước "${dossier.stage}": chỉ bổ sung minh chứng ở bước tự đánh giá.`);
        const file = await request.file({ limits: { fileSize: limits.maxBytes, files: 1 } });
        if (!file) throw new HttpProblem('validation', 'Yêu cầu không có tệp (trường "file").');
        const stored = await storeEvidence(deps, {
          dossierId: dossier.id,
          stream: file.file,
          fileName: file.filename,
          uploadedBy: actorOf(request),
          truncated: () => file.file.truncated,
        });
        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/dossiers/:dossierId/evidence',
      { schema: { operationId: 'listEvidence', tags: ['evidence'], params: DossierId, response: { 200: z.array(EvidenceView), 404: Problem } } },
      async ({ params }) => {
        await dossierState(params.dossierId);
        return (await db.evidence.findMany({ where: { dossierId: params.dossierId }, orderBy: { uploadedAt: 'asc' } })).map(toView);
      },
    );

    app.get('/evidence/:id', { schema: { operationId: 'getEvidence', tags: ['evidence'], params: Id, response: { 200: EvidenceView, 404: Problem } } }, async ({ params }) =>
      toView(await evidenceOf(params.id)),
    );

    app.get(
      '/evidence/:id/content',
      { schema: { operationId: 'downloadEvidence', tags: ['evidence'], summary: 'Tải nội dung tệp (truyền trực tiếp)', params: Id, response: { 404: Problem } } },
      async ({ params }, reply) => {
        const e = await evidenceOf(params.id);
        // Streamed straight from storage; the response schema above types only the error body.
        const body = (await storage.getStream(e.objectKey)) as unknown as z.infer<typeof Problem>;
        return reply.type(e.mediaType).header('x-content-sha256', e.sha256).header('content-length', String(e.sizeBytes)).send(body);
      },
    );

    app.get(
      '/evidence/:id/url',
      {
        schema: {
          operationId: 'presignEvidence',
          tags: ['evidence'],
          summary: 'Đường dẫn tải tệp có hiệu lực ngắn',
          params: Id,
          response: { 200: z.object({ url: z.string(), expiresInSeconds: z.number().int() }), 404: Problem },
        },
      },
      async ({ params }) => ({ url: await storage.presignedGet((await evidenceOf(params.id)).objectKey, presignSeconds), expiresInSeconds: presignSeconds }),
    );

    app.delete(
      '/evidence/:id',
      { schema: { operationId: 'deleteEvidence', tags: ['evidence'], summary: 'Xóa minh chứng chưa nộp', params: Id, response: { 204: z.null(), 404: Problem, 409: Problem } } },
      async ({ params }, reply) => {
        const e = await evidenceOf(params.id);
        const { dossier, editable } = await dossierState(e.dossierId);
        // Evidence that went out with a submission stays as it was, for the appraisal and the record.
        const submittedWithDossier = dossier.submittedAt !== null && e.uploadedAt <= dossier.submittedAt;
        if (!editable || submittedWithDossier) throw new HttpProblem('conflict', 'Minh chứng đã nộp cùng hồ sơ thì không được xóa hay thay thế.');
        await db.evidence.delete({ where: { id: e.id } });
        await storage.purge(e.objectKey);
        return reply.status(204).send(null);
      },
    );
  };
}
