import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { actorOf } from '@ntm/access';
import type { Storage } from '@ntm/storage';
import type { OwnerState } from './evidence-owners.js';
import { notMultipart, receiveSingleFile } from './multipart-upload.js';
import { withinUploadDeadline, type UploadTimeouts } from './upload-deadline.js';
import { recordEvidence, storeEvidenceObject, type StoredEvidence, type UploadLimits } from './upload.js';

export interface UploadDeps {
  db: Db;
  storage: Storage;
  limits: UploadLimits;
  timeouts: UploadTimeouts;
}

/**
 * Receives one uploaded file for an owner (a dossier or a re-check) the actor may add files to now:
 * streamed into storage under its deadlines, checked by content, then recorded. A refused or failed
 * request leaves neither a record nor an object behind.
 */
export async function receiveUpload(deps: UploadDeps, request: FastifyRequest, reply: FastifyReply, resolve: () => Promise<OwnerState>): Promise<StoredEvidence> {
  const { db, storage, limits } = deps;
  if (!request.isMultipart()) throw notMultipart();
  const { owner, editable, wrongStage, role } = await resolve();
  if (!editable) throw new HttpProblem('conflict', wrongStage);
  const object = await withinUploadDeadline(deps.timeouts, ({ signal, watch }) =>
    receiveSingleFile(
      request,
      { maxBytes: limits.maxBytes, signal, onReading: () => watch(request.raw) },
      (file) => storeEvidenceObject(deps, owner, file),
      (stored) => storage.purge(stored.key).catch(() => undefined),
    ),
  ).catch((e: unknown) => {
    // The rest of the body may still be on its way: end the connection after answering.
    void reply.header('connection', 'close');
    throw e;
  });
  return recordEvidence(db, owner, object, { actor: actorOf(request).username, role, requestId: request.id }).catch(async (e: unknown) => {
    await storage.purge(object.key).catch(() => undefined);
    throw e;
  });
}
