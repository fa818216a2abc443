import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readDossierPlan } from '@ntm/catalog';
import { Problem } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { actorOf, requireDossierAccess } from '@ntm/access';
import type { Command as Permission } from '@ntm/domain';
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

/**
 * Two independent limits on uploads, each per minute: per signed-in user, and per client IP
 * whoever is signed in. Either one exceeded answers 429 with Retry-After; kept in this process's memory.
 */
async function uploadRateLimit(app: FastifyInstance, perMinute: { perActor: number; perIp: number }) {
  await app.register(rateLimit, { global: false });
  const checks = [
    app.createRateLimit({ max: perMinute.perActor, timeWindow: 60_000, keyGenerator: (r) => `upload|actor|${actorOf(r).id}` }),
    app.createRateLimit({ max: perMinute.perIp, timeWindow: 60_000, keyGenerator: (r) => `upload|ip|${r.ip}` }),
  ];
  return async (request: FastifyRequest, reply: { header(name: string, value: string): unknown }) => {
    for (const check of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(limit.ttlInSeconds));
        throw new HttpProblem('rateLimited', `Tải lên quá nhiều tệp trong một phút. Vui lòng thử lại sau ${limit.ttlInSeconds} giây.`);
      }
    }
  };
}

export function evidenceRoutes(deps: { db: Db; storage: Storage; limits: UploadLimits; uploadsPerMinute: { perActor: number; perIp: number } }): FastifyPluginAsyncZod {
  const { db, storage, limits } = deps;

  /**
   * The dossier, once the actor may run `command` on it (404 when it may not even see it), and
   * whether it is in its self-assessment stage (the only time files are added or removed).
   */
  async function dossierState(request: FastifyRequest, command: Permission, dossierId: string) {
    const access = await requireDossierAccess(db, actorOf(request), command, dossierId);
    const dossier = await db.dossier.findUnique({ where: { id: dossierId } });
    if (!dossier) throw new HttpProblem('notFound', `Không có hồ sơ "${dossierId}".`);
    const { stages } = await readDossierPlan(db, dossier);
    return { dossier, role: access.role, editable: stages.find((s) => s.code === dossier.stage)?.kind === 'self_assessment' };
  }
  /** An evidence file the actor may reach through its dossier; 404 for everyone else, as if it did not exist. */
  async function evidenceOf(request: FastifyRequest, command: Permission, id: string) {
    const e = await db.evidence.findUnique({ where: { id } });
    if (!e) throw new HttpProblem('notFound', `Không có minh chứng "${id}".`);
    try {
      return { evidence: e, ...(await dossierState(request, command, e.dossierId)) };
    } catch (error) {
      if (error instanceof HttpProblem && error.kind === 'notFound') throw new HttpProblem('notFound', `Không có minh chứng "${id}".`);
      throw error;
    }
  }

  return async (app) => {
    const limitUploads = await uploadRateLimit(app, deps.uploadsPerMinute);
    app.post(
      '/dossiers/:dossierId/evidence',
      {
        preHandler: limitUploads,
        schema: {
          operationId: 'uploadEvidence',
          tags: ['evidence'],
          summary: 'Tải lên một tệp minh chứng (multipart, trường "file"); kiểu tệp được kiểm tra theo nội dung',
          consumes: ['multipart/form-data'],
          params: DossierId,
          response: { 201: EvidenceView, 400: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { dossier, editable, role } = await dossierState(request, 'evidence.upload', request.params.dossierId);
        if (!editable) throw new HttpProblem('conflict', `Hồ sơ đang ở bước "${dossier.stage}": chỉ bổ sung minh chứng ở bước tự đánh giá.`);
        const file = await request.file({ limits: { fileSize: limits.maxBytes, files: 1 } });
        if (!file) throw new HttpProblem('validation', 'Yêu cầu không có tệp (trường "file").');
        const stored = await storeEvidence(deps, {
          dossierId: dossier.id,
          stream: file.file,
          fileName: file.filename,
          uploadedBy: { actor: actorOf(request).username, role, requestId: request.id },
          truncated: () => file.file.truncated,
        });
        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/dossiers/:dossierId/evidence',
      { schema: { operationId: 'listEvidence', tags: ['evidence'], params: DossierId, response: { 200: z.array(EvidenceView), 404: Problem } } },
      async (request) => {
        const { params } = request;
        await dossierState(request, 'evidence.read', params.dossierId);
        return (await db.evidence.findMany({ where: { dossierId: params.dossierId }, orderBy: { uploadedAt: 'asc' } })).map(toView);
      },
    );

    app.get('/evidence/:id', { schema: { operationId: 'getEvidence', tags: ['evidence'], params: Id, response: { 200: EvidenceView, 404: Problem } } }, async (request) =>
      toView((await evidenceOf(request, 'evidence.read', request.params.id)).evidence),
    );

    app.get(
      '/evidence/:id/content',
      { schema: { operationId: 'downloadEvidence', tags: ['evidence'], summary: 'Tải nội dung tệp (truyền trực tiếp)', params: Id, response: { 404: Problem } } },
      async (request, reply) => {
        const { evidence: e } = await evidenceOf(request, 'evidence.read', request.params.id);
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
      async (request) => {
        const { evidence } = await evidenceOf(request, 'evidence.read', request.params.id);
        return { url: await storage.presignedGet(evidence.objectKey, presignSeconds), expiresInSeconds: presignSeconds };
      },
    );

    app.delete(
      '/evidence/:id',
      { schema: { operationId: 'deleteEvidence', tags: ['evidence'], summary: 'Xóa minh chứng chưa nộp', params: Id, response: { 204: z.null(), 404: Problem, 409: Problem } } },
      async (request, reply) => {
        const { evidence: e, dossier, editable, role } = await evidenceOf(request, 'evidence.delete', request.params.id);
        // Evidence that went out with a submission stays as it was, for the appraisal and the record.
        const submittedWithDossier = dossier.submittedAt !== null && e.uploadedAt <= dossier.submittedAt;
        if (!editable || submittedWithDossier) throw new HttpProblem('conflict', 'Minh chứng đã nộp cùng hồ sơ thì không được xóa hay thay thế.');
        await db.$transaction(async (tx) => {
          await tx.evidence.delete({ where: { id: e.id } });
          await appendAudit(tx, {
            actor: actorOf(request).username,
            role,
            unitCode: dossier.unitCode,
            dossierId: dossier.id,
            command: 'evidence.deleted',
            requestId: request.id,
            summary: { before: { evidenceId: e.id, sha256: e.sha256, originalName: e.originalName }, after: null },
          });
        });
        await storage.purge(e.objectKey);
        return reply.status(204).send(null);
      },
    );
  };
}
