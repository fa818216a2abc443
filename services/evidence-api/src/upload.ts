import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Prisma, withAudit, type Db } from '@ntm/db';
import { HistoryEvent, type RecordedBy } from '@ntm/contracts';
import { HttpProblem } from '@ntm/http';
import { isStorageUnreachable, objectKeys, type Storage } from '@ntm/storage';
import { checkHead, headBytes, tailBytes } from './content-check.js';
import type { EvidenceOwner } from './evidence-owners.js';
import type { IncomingFile } from './multipart-upload.js';
import { fileField } from './multipart-upload.js';

export interface UploadLimits {
  maxBytes: number;
  mediaTypes: string[];
}

export interface StoredEvidence {
  id: string;
  /** The dossier or the re-check it belongs to: exactly one is set. */
  dossierId: string | null;
  recheckId: string | null;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** An evidence file whose bytes are stored whole and checked, not yet recorded. */
export interface StoredObject {
  id: string;
  key: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

type EvidenceRow = Awaited<ReturnType<Db['evidence']['findFirstOrThrow']>>;

/** An evidence row as the API answers it. */
export const evidenceView = (e: EvidenceRow): StoredEvidence => ({
  id: e.id,
  dossierId: e.dossierId,
  recheckId: e.recheckId,
  sha256: e.sha256,
  sizeBytes: Number(e.sizeBytes),
  mediaType: e.mediaType,
  originalName: e.originalName,
  uploadedBy: e.uploadedBy,
  uploadedAt: e.uploadedAt.toISOString(),
});

/** Where an owner's files are stored: keys made of ids only. */
export const evidenceKey = (owner: EvidenceOwner, evidenceId: string) =>
  owner.kind === 'dossier' ? objectKeys.evidence(owner.id, evidenceId) : objectKeys.recheckEvidence(owner.id, evidenceId);

/** The owner columns of an evidence row, and of its audit entry. */
export const ownerColumns = (owner: EvidenceOwner) => (owner.kind === 'dossier' ? { dossierId: owner.id, recheckId: null } : { dossierId: null, recheckId: owner.id });

export const storageUnavailable = () => new HttpProblem('unavailable', 'Kho lưu trữ tệp tạm thời không phản hồi; tệp chưa được lưu. Vui lòng tải lên lại sau ít phút.');

/** Rethrows a storage error, as a 503 the person may retry after when the store could not be reached. */
export function unlessUnreachable(e: unknown): never {
  throw isStorageUnreachable(e) ? storageUnavailable() : e;
}

/** Reads up to `size` bytes from the start of a stream; `rest` goes on from there. */
async function readHead(stream: Readable, size: number) {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const read: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    read.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(read), ended, chunks };
}

/**
 * Streams one file into storage under a key made of ids. Its type is told by its first bytes (never
 * by its name) and checked against the accepted types and their content rules before anything is
 * stored; its end (PDF and ZIP trailers) once it has all passed. SHA-256 and size are computed on the
 * way. Any refusal or failure removes what was stored, every version of it.
 */
export async function storeEvidenceObject(deps: { storage: Storage; limits: UploadLimits }, owner: EvidenceOwner, file: IncomingFile): Promise<StoredObject> {
  const { storage, limits } = deps;
  const { head, ended, chunks } = await readHead(file.stream, headBytes);
  const tooLarge = () => new HttpProblem('payloadTooLarge', `Tệp vượt quá ${limits.maxBytes} byte.`);
  if (ended && file.stream.truncated) throw tooLarge();
  if (head.length === 0) throw new HttpProblem('validation', 'Tệp rỗng (0 byte): không có gì để lưu.', [{ location: `body.${fileField}`, message: 'tệp rỗng' }]);
  const verdict = await checkHead(head, limits.mediaTypes);
  if (!verdict.ok) throw new HttpProblem('unsupportedMediaType', verdict.reason);
  const lastBytes = (b: Buffer) => b.subarray(Math.max(0, b.length - tailBytes));
  // A file that fits in its head is checked whole before anything is stored.
  const wrongEnd = ended ? verdict.checkTail(lastBytes(head)) : null;
  if (wrongEnd) throw new HttpProblem('unsupportedMediaType', wrongEnd);

  let tail = lastBytes(head);
  async function* body() {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      // Only the last bytes are kept: a copy of the chunk's end, not of every chunk.
      tail = next.value.length >= tailBytes ? Buffer.from(lastBytes(next.value)) : lastBytes(Buffer.concat([tail, next.value]));
      yield next.value;
    }
  }
  const id = randomUUID();
  const key = evidenceKey(owner, id);
  try {
    const stored = await storage.putStream(key, Readable.from(body()), verdict.mediaType);
    if (file.stream.truncated) throw tooLarge();
    const wrongTail = verdict.checkTail(tail);
    if (wrongTail) throw new HttpProblem('unsupportedMediaType', wrongTail);
    return { id, key, sha256: stored.sha256, sizeBytes: stored.size, mediaType: verdict.mediaType, fileName: file.fileName };
  } catch (e) {
    await storage.purge(key).catch(() => undefined);
    return unlessUnreachable(e);
  }
}

/**
 * Records a stored object as the owner's evidence, with its audit row, in one transaction. Written
 * only after the object is stored whole: a crash before it leaves an object without a record, which
 * removeOrphanEvidence sweeps; never a record without its object.
 */
export async function recordEvidence(db: Db, owner: EvidenceOwner, object: StoredObject, uploadedBy: RecordedBy): Promise<StoredEvidence> {
  const columns = ownerColumns(owner);
  const audit = {
    ...uploadedBy,
    unitCode: owner.unitCode,
    dossierId: columns.dossierId,
    command: HistoryEvent.evidenceUploaded,
    summary: { before: null, after: { evidenceId: object.id, ...(columns.recheckId === null ? {} : { recheckId: columns.recheckId }), sha256: object.sha256, sizeBytes: object.sizeBytes, mediaType: object.mediaType, originalName: object.fileName } },
  };
  // The row and its audit entry in one statement: one round trip after the upload's last byte.
  const [row] = await withAudit<{ uploaded_at: string }>(
    db,
    Prisma.sql`INSERT INTO evidence (id, dossier_id, recheck_id, object_key, sha256, size_bytes, media_type, original_name, uploaded_by)
      VALUES (${object.id}::uuid, ${columns.dossierId}::uuid, ${columns.recheckId}::uuid, ${object.key}, ${object.sha256}, ${object.sizeBytes}::bigint,
        ${object.mediaType}, ${object.fileName}, ${uploadedBy.actor})
      RETURNING uploaded_at`,
    audit,
  );
  if (!row) throw new Error('recordEvidence: the evidence row was not written');
  return evidenceView({
    id: object.id,
    ...columns,
    objectKey: object.key,
    sha256: object.sha256,
    sizeBytes: BigInt(object.sizeBytes),
    mediaType: object.mediaType,
    originalName: object.fileName,
    uploadedBy: uploadedBy.actor,
    uploadedAt: new Date(row.uploaded_at),
  });
}

/**
 * Objects under the evidence prefix with no record, older than the grace period: what a crash
 * between storing the bytes and writing the record leaves behind. Removes them and their versions.
 */
export async function removeOrphanEvidence(db: Db, storage: Storage, graceMs: number, now = new Date()): Promise<string[]> {
  const listed = [...(await storage.list('dossiers/')), ...(await storage.list('rechecks/'))];
  const objects = listed.filter((o) => o.key.includes('/evidence/') && now.getTime() - o.lastModified.getTime() >= graceMs);
  const known = new Set((await db.evidence.findMany({ where: { objectKey: { in: objects.map((o) => o.key) } }, select: { objectKey: true } })).map((e) => e.objectKey));
  const orphans = objects.map((o) => o.key).filter((k) => !known.has(k));
  for (const key of orphans) await storage.purge(key);
  return orphans;
}
