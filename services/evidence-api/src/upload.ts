import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeStream } from 'file-type';
import { appendAudit, type Db } from '@ntm/db';
import type { RecordedBy } from '@ntm/contracts';
import { HttpProblem } from '@ntm/http';
import { objectKeys, type Storage } from '@ntm/storage';

export interface UploadLimits {
  maxBytes: number;
  mediaTypes: string[];
}

export interface StoredEvidence {
  id: string;
  dossierId: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * Streams one file into storage: its type is detected from its first bytes (never trusted from
 * its name), its SHA-256 and size are computed on the way through, and the record is written only
 * after the bytes are stored whole. Any failure removes what was stored, every version of it.
 */
export async function storeEvidence(
  deps: { db: Db; storage: Storage; limits: UploadLimits },
  upload: { dossierId: string; stream: Readable; fileName: string; uploadedBy: RecordedBy; truncated: () => boolean },
): Promise<StoredEvidence> {
  const { db, storage, limits } = deps;
  const id = randomUUID();
  const key = objectKeys.evidence(upload.dossierId, id);
  const typed = await fileTypeStream(upload.stream);
  const mediaType = typed.fileType?.mime;
  if (!mediaType || !limits.mediaTypes.includes(mediaType)) {
    typed.destroy();
    upload.stream.resume();
    throw new HttpProblem('unsupportedMediaType', `Nội dung tệp ${mediaType ? `là ${mediaType}, ` : 'không nhận dạng được, '}không thuộc các loại được nhận: ${limits.mediaTypes.join(', ')}.`);
  }
  let stored: Awaited<ReturnType<Storage['putStream']>> | undefined;
  try {
    stored = await storage.putStream(key, typed, mediaType);
    if (upload.truncated()) throw new HttpProblem('payloadTooLarge', `Tệp vượt quá ${limits.maxBytes} byte.`);
    const storedBytes = stored;
    const row = await db.$transaction(async (tx) => {
      const created = await tx.evidence.create({
        data: { id, dossierId: upload.dossierId, objectKey: key, sha256: storedBytes.sha256, sizeBytes: storedBytes.size, mediaType, originalName: upload.fileName.slice(0, 255), uploadedBy: upload.uploadedBy.actor },
      });
      const { unitCode } = await tx.dossier.findUniqueOrThrow({ where: { id: upload.dossierId }, select: { unitCode: true } });
      await appendAudit(tx, {
        ...upload.uploadedBy,
        unitCode,
        dossierId: upload.dossierId,
        command: 'evidence.uploaded',
        summary: { before: null, after: { evidenceId: id, sha256: storedBytes.sha256, sizeBytes: storedBytes.size, mediaType, originalName: created.originalName } },
      });
      return created;
    });
    return { id, dossierId: row.dossierId, sha256: row.sha256, sizeBytes: Number(row.sizeBytes), mediaType, originalName: row.originalName, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt.toISOString() };
  } catch (e) {
    await storage.purge(key).catch(() => undefined);
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpProblem('payloadTooLarge', `Tệp vượt quá ${limits.maxBytes} byte.`);
    throw e;
  }
}

/**
 * Objects under the evidence prefix with no record, older than the grace period: what a crash
 * between storing the bytes and writing the record leaves behind. Removes them and their versions.
 */
export async function removeOrphanEvidence(db: Db, storage: Storage, graceMs: number, now = new Date()): Promise<string[]> {
  const objects = (await storage.list('dossiers/')).filter((o) => o.key.includes('/evidence/') && now.getTime() - o.lastModified.getTime() >= graceMs);
  const known = new Set((await db.evidence.findMany({ where: { objectKey: { in: objects.map((o) => o.key) } }, select: { objectKey: true } })).map((e) => e.objectKey));
  const orphans = objects.map((o) => o.key).filter((k) => !known.has(k));
  for (const key of orphans) await storage.purge(key);
  return orphans;
}
