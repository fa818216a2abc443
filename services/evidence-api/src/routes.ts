import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readDossierPlan } from '@ntm/catalog';
import { HistoryEvent, Problem } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { actorOf, checkDossierAccess, dossierNotFound } from '@ntm/access';
import { stageAllows, type Command as Permission } from '@ntm/domain';
import type { Storage } from '@ntm/storage';
import { notMultipart, receiveSingleFile } from './multipart-upload.js';
import { documented, problemResponses } from './openapi-docs.js';
import { operationDocs } from './operation-docs.js';
import { uploadRateLimit } from './upload-rate-limit.js';
import { withinUploadDeadline, type UploadTimeouts } from './upload-deadline.js';
import { recordEvidence, storeEvidenceObject, unlessUnreachable, type StoredEvidence, type UploadLimits } from './upload.js';

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
const DossierId = z.object({ dossierId: z.uuid().describe('Mã hồ sơ') });
const Id = z.object({ id: z.uuid().describe('Mã minh chứng') });
// What every route reading a dossier's evidence may answer besides its success.
const readProblems = problemResponses(400, 401, 403, 404, 503);

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

export function evidenceRoutes(deps: {
  db: Db;
  storage: Storage;
  limits: UploadLimits;
  timeouts: UploadTimeouts;
  uploadsPerMinute: { perActor: number; perIp: number };
}): FastifyPluginAsyncZod {
  const { db, storage, limits } = deps;
  const docs = operationDocs(deps);

  /**
   * The dossier, once the actor may run `command` on it (404 when it may not even see it), and
   * whether it is in its self-assessment stage (the only time files are added or removed).
   */
  async function dossierState(request: FastifyRequest, command: Permission, dossierId: string) {
    const dossier = await db.dossier.findUnique({ where: { id: dossierId } });
    if (!dossier) throw dossierNotFound(dossierId);
    const access = checkDossierAccess(actorOf(request), command, dossierId, dossier);
    const { stages } = await readDossierPlan(db, dossier);
    const stage = { code: dossier.stage, kind: stages.find((s) => s.code === dossier.stage)?.kind ?? null };
    return { dossier, role: access.role, editable: stageAllows('evidence.upload', stage) };
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
    // Whatever a request's type, the upload route answers it (415 unless multipart) rather than a parser.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const limitUploads = await uploadRateLimit(app, deps.uploadsPerMinute);
    app.post(
      '/dossiers/:dossierId/evidence',
      {
        preHandler: limitUploads,
        schema: {
          operationId: 'uploadEvidence',
          tags: ['evidence'],
          summary: docs.uploadEvidence.summary,
          description: docs.uploadEvidence.description,
          params: DossierId,
          response: { 201: EvidenceView, ...problemResponses(400, 401, 403, 404, 408, 409, 413, 415, 429, 503) },
        },
        config: { swaggerTransform: documented(docs.uploadEvidence.docs) },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw notMultipart();
        const { dossier, editable, role } = await dossierState(request, 'evidence.upload', request.params.dossierId);
        if (!editable) throw new HttpProblem('conflict', `Hồ sơ đang ở bước "${dossier.stage}": chỉ bổ sung minh chứng ở bước tự đánh giá.`);
        const object = await withinUploadDeadline(deps.timeouts, ({ signal, watch }) =>
          receiveSingleFile(
            request,
            { maxBytes: limits.maxBytes, signal, onReading: () => watch(request.raw) },
            (file) => storeEvidenceObject(deps, dossier.id, file),
            (stored) => storage.purge(stored.key).catch(() => undefined),
          ),
        ).catch((e: unknown) => {
          // The rest of the body may still be on its way: end the connection after answering.
          void reply.header('connection', 'close');
          throw e;
        });
        const stored = await recordEvidence(db, dossier.id, object, { actor: actorOf(request).username, role, requestId: request.id }).catch(async (e: unknown) => {
          await storage.purge(object.key).catch(() => undefined);
          throw e;
        });
        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/dossiers/:dossierId/evidence',
      { schema: { operationId: 'listEvidence', tags: ['evidence'], ...docs.listEvidence, params: DossierId, response: { 200: z.array(EvidenceView), ...readProblems } }, config: { swaggerTransform: documented() } },
      async (request) => {
        const { params } = request;
        await dossierState(request, 'evidence.read', params.dossierId);
        return (await db.evidence.findMany({ where: { dossierId: params.dossierId }, orderBy: { uploadedAt: 'asc' } })).map(toView);
      },
    );

    app.get(
      '/evidence/:id',
      { schema: { operationId: 'getEvidence', tags: ['evidence'], ...docs.getEvidence, params: Id, response: { 200: EvidenceView, ...readProblems } }, config: { swaggerTransform: documented() } },
      async (request) => toView((await evidenceOf(request, 'evidence.read', request.params.id)).evidence),
    );

    app.get(
      '/evidence/:id/content',
      {
        schema: { operationId: 'downloadEvidence', tags: ['evidence'], summary: docs.downloadEvidence.summary, description: docs.downloadEvidence.description, params: Id, response: readProblems },
        config: { swaggerTransform: documented(docs.downloadEvidence.docs) },
      },
      async (request, reply) => {
        const { evidence: e } = await evidenceOf(request, 'evidence.read', request.params.id);
        // Streamed straight from storage; the response schema above types only the error body.
        const body = (await storage.getStream(e.objectKey).catch(unlessUnreachable)) as unknown as z.infer<typeof Problem>;
        return reply.type(e.mediaType).header('x-content-sha256', e.sha256).header('content-length', String(e.sizeBytes)).send(body);
      },
    );

    app.get(
      '/evidence/:id/url',
      {
        schema: {
          operationId: 'presignEvidence',
          tags: ['evidence'],
          ...docs.presignEvidence,
          params: Id,
          response: { 200: z.object({ url: z.string(), expiresInSeconds: z.number().int() }), ...readProblems },
        },
        config: { swaggerTransform: documented() },
      },
      async (request) => {
        const { evidence } = await evidenceOf(request, 'evidence.read', request.params.id);
        return { url: await storage.presignedGet(evidence.objectKey, presignSeconds), expiresInSeconds: presignSeconds };
      },
    );

    app.delete(
      '/evidence/:id',
      {
        schema: { operationId: 'deleteEvidence', tags: ['evidence'], ...docs.deleteEvidence, params: Id, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409, 503) } },
        config: { swaggerTransform: documented() },
      },
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
            command: HistoryEvent.evidenceDeleted,
            requestId: request.id,
            summary: { before: { evidenceId: e.id, sha256: e.sha256, originalName: e.originalName }, after: null },
          });
        });
        // The record is gone; an object the store could not remove now is swept later as an orphan.
        await storage.purge(e.objectKey).catch((err: unknown) => request.log.warn({ err, key: e.objectKey }, 'evidence object left for the orphan sweep'));
        return reply.status(204).send(null);
      },
    );
  };
}
