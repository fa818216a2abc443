import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HistoryEvent, Problem } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { actorOf, recheckEvidenceWhere, requireRecheckAccess } from '@ntm/access';
import type { Storage } from '@ntm/storage';
import { evidenceOwners } from './evidence-owners.js';
import { documented, problemResponses } from './openapi-docs.js';
import { operationDocs } from './operation-docs.js';
import { receiveUpload } from './receive-upload.js';
import { uploadRateLimit } from './upload-rate-limit.js';
import type { UploadTimeouts } from './upload-deadline.js';
import { evidenceView, ownerColumns, unlessUnreachable, type UploadLimits } from './upload.js';

export const EvidenceView = z
  .object({
    id: z.string(),
    dossierId: z.string().nullable().describe('Hồ sơ có minh chứng (null: minh chứng của lượt rà soát)'),
    recheckId: z.string().nullable().describe('Lượt rà soát có minh chứng (null: minh chứng của hồ sơ)'),
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
const RecheckId = z.object({ recheckId: z.uuid().describe('Mã lượt rà soát') });
const Id = z.object({ id: z.uuid().describe('Mã minh chứng') });
// What every route reading evidence may answer besides its success; an upload adds its own.
const readProblems = problemResponses(400, 401, 403, 404, 503);
const uploadProblems = problemResponses(400, 401, 403, 404, 408, 409, 413, 415, 429, 503);

export function evidenceRoutes(deps: {
  db: Db;
  storage: Storage;
  limits: UploadLimits;
  timeouts: UploadTimeouts;
  uploadsPerMinute: { perActor: number; perIp: number };
}): FastifyPluginAsyncZod {
  const { db, storage } = deps;
  const docs = operationDocs(deps);
  const owners = evidenceOwners(db);
  /** An evidence file the actor may reach, and its owner; 404 for everyone else, as if it did not exist. */
  async function evidenceOf(request: Parameters<typeof actorOf>[0], command: 'evidence.read' | 'evidence.delete', id: string) {
    const e = await db.evidence.findUnique({ where: { id } });
    if (!e) throw new HttpProblem('notFound', `Không có minh chứng "${id}".`);
    return { evidence: e, ...(await owners.ofEvidence(actorOf(request), command, e)) };
  }

  return async (app) => {
    // Whatever a request's type, the upload route answers it (415 unless multipart) rather than a parser.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const limitUploads = await uploadRateLimit(app, deps.uploadsPerMinute);
    /** An upload route's options: its operation's docs, the upload limits, the answers it may give. */
    const uploadRoute = <P extends typeof DossierId | typeof RecheckId>(operation: 'uploadEvidence' | 'uploadRecheckEvidence', params: P) => ({
      preHandler: limitUploads,
      schema: { operationId: operation, tags: ['evidence'], summary: docs[operation].summary, description: docs[operation].description, params, response: { 201: EvidenceView, ...uploadProblems } },
      config: { swaggerTransform: documented(docs[operation].docs) },
    });
    app.post('/dossiers/:dossierId/evidence', uploadRoute('uploadEvidence', DossierId), async (request, reply) =>
      reply.status(201).send(await receiveUpload(deps, request, reply, () => owners.dossier(actorOf(request), 'evidence.upload', request.params.dossierId))),
    );
    app.post('/rechecks/:recheckId/evidence', uploadRoute('uploadRecheckEvidence', RecheckId), async (request, reply) =>
      reply.status(201).send(await receiveUpload(deps, request, reply, () => owners.recheck(actorOf(request), 'evidence.upload', request.params.recheckId))),
    );

    app.get(
      '/dossiers/:dossierId/evidence',
      { schema: { operationId: 'listEvidence', tags: ['evidence'], ...docs.listEvidence, params: DossierId, response: { 200: z.array(EvidenceView), ...readProblems } }, config: { swaggerTransform: documented() } },
      async (request) => {
        const { params } = request;
        await owners.dossier(actorOf(request), 'evidence.read', params.dossierId);
        return (await db.evidence.findMany({ where: { dossierId: params.dossierId }, orderBy: { uploadedAt: 'asc' } })).map(evidenceView);
      },
    );

    app.get(
      '/rechecks/:recheckId/evidence',
      { schema: { operationId: 'listRecheckEvidence', tags: ['evidence'], ...docs.listRecheckEvidence, params: RecheckId, response: { 200: z.array(EvidenceView), ...readProblems, 409: Problem } }, config: { swaggerTransform: documented() } },
      async (request) => {
        const { plan } = await requireRecheckAccess(db, actorOf(request), 'evidence.read', request.params.recheckId);
        return (await db.evidence.findMany({ where: recheckEvidenceWhere(request.params.recheckId, plan), orderBy: { uploadedAt: 'asc' } })).map(evidenceView);
      },
    );

    app.get(
      '/evidence/:id',
      { schema: { operationId: 'getEvidence', tags: ['evidence'], ...docs.getEvidence, params: Id, response: { 200: EvidenceView, ...readProblems } }, config: { swaggerTransform: documented() } },
      async (request) => evidenceView((await evidenceOf(request, 'evidence.read', request.params.id)).evidence),
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
        const { evidence: e, owner, editable, role, submittedAt, submitted } = await evidenceOf(request, 'evidence.delete', request.params.id);
        // Evidence that went out with a submission stays as it was, for the appraisal and the record.
        const submittedWithOwner = submittedAt !== null && e.uploadedAt <= submittedAt;
        if (!editable || submittedWithOwner) throw new HttpProblem('conflict', submitted);
        const columns = ownerColumns(owner);
        await db.$transaction(async (tx) => {
          await tx.evidence.delete({ where: { id: e.id } });
          await appendAudit(tx, {
            actor: actorOf(request).username,
            role,
            unitCode: owner.unitCode,
            dossierId: columns.dossierId,
            command: HistoryEvent.evidenceDeleted,
            requestId: request.id,
            summary: { before: { evidenceId: e.id, ...(columns.recheckId === null ? {} : { recheckId: columns.recheckId }), sha256: e.sha256, originalName: e.originalName }, after: null },
          });
        });
        // The record is gone; an object the store could not remove now is swept later as an orphan.
        await storage.purge(e.objectKey).catch((err: unknown) => request.log.warn({ err, key: e.objectKey }, 'evidence object left for the orphan sweep'));
        return reply.status(204).send(null);
      },
    );
  };
}
