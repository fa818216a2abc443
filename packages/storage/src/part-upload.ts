import { createHash } from 'node:crypto';
import type * as Minio from 'minio';

/** Parts of a multipart upload: S3's smallest (5 MiB) would mean more requests for little gain. */
export const partBytes = 8 * 1024 * 1024;
/** Parts sent at once while the next is read: what the upload holds in memory is about (this + 1) parts. */
const partsInFlight = 2;

/**
 * Uploads a stream of unknown length to S3 without holding it whole: a body smaller than one part
 * is one PUT; a larger one is a multipart upload whose parts (8 MiB) are sent while the next part
 * is still arriving, at most two at a time, so reading waits (and the sender with it) when storage
 * is slower. The minio client's own putObject for a stream of unknown length prepares for a 5 TiB
 * object: it buffers parts of over 500 MiB, so a 200 MiB file was held whole in memory before the
 * first byte went out, and it lists unfinished uploads before starting. A failed upload is
 * aborted, leaving no parts behind.
 */
export async function uploadInParts(
  client: Minio.Client,
  bucket: string,
  key: string,
  body: AsyncIterable<Buffer>,
  contentType: string,
  options: { signsPayload: boolean },
): Promise<{ etag: string; versionId: string | null }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const inFlight: Array<Promise<{ part: number; etag: string }>> = [];
  const done: Array<{ part: number; etag: string }> = [];
  let partNumber = 0;

  const sendPart = async (part: Buffer) => {
    uploadId ??= await client.initiateNewMultipartUpload(bucket, key, { 'Content-Type': contentType });
    const number = ++partNumber;
    // A signed payload (plain HTTP) already carries the part's SHA-256; over TLS the client sends
    // it unsigned, and Content-MD5 lets storage check the part (as the client's own PUT does).
    const integrity = options.signsPayload ? {} : { 'Content-MD5': createHash('md5').update(part).digest('base64') };
    const sent = client
      .uploadPart({ bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: number, headers: { 'Content-Length': part.length, ...integrity } }, part)
      .then((r) => ({ part: number, etag: r.etag }));
    inFlight.push(sent);
    if (inFlight.length >= partsInFlight) done.push(await (inFlight.shift() as Promise<{ part: number; etag: string }>));
  };

  try {
    for await (const chunk of body) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= partBytes) {
        const part = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await sendPart(part);
      }
    }
    if (uploadId === undefined) {
      const whole = Buffer.concat(pending, pendingBytes);
      const info = await client.putObject(bucket, key, whole, whole.length, { 'Content-Type': contentType });
      return { etag: info.etag, versionId: info.versionId ?? null };
    }
    if (pendingBytes > 0) await sendPart(Buffer.concat(pending, pendingBytes));
    done.push(...(await Promise.all(inFlight.splice(0))));
    return await client.completeMultipartUpload(bucket, key, uploadId, done.sort((a, b) => a.part - b.part));
  } catch (e) {
    await Promise.allSettled(inFlight);
    if (uploadId !== undefined) await client.abortMultipartUpload(bucket, key, uploadId).catch(() => undefined);
    throw e;
  }
}
