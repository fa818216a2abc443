import { crc32 } from 'node:zlib';
import * as Minio from 'minio';

/** Parts of a multipart upload: S3's smallest (5 MiB) would mean more requests for little gain. */
export const partBytes = 8 * 1024 * 1024;
/** Parts sent at once while the next is read: what the upload holds in memory is about (this + 1) parts. */
const partsInFlight = 2;
/**
 * Part buffers kept between uploads, so that an upload of a few parts does not allocate them anew
 * (allocating 8 MiB buffers outside the heap is what drives full garbage collections): at most this
 * many, whatever the number of uploads at once.
 */
const keptBuffers = 2 * (partsInFlight + 1);
const spareBuffers: Buffer[] = [];

/** The S3 checksum of `chunks` taken together (CRC-32, base64 of its 4 bytes big-endian), as the store checks it. */
export function crc32Checksum(chunks: readonly Buffer[]): string {
  let value = 0;
  for (const chunk of chunks) value = crc32(chunk, value);
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unquote = (etag: string) => etag.replace(/^(&quot;|&#34;|")/, '').replace(/(&quot;|&#34;|")$/, '');

/**
 * Uploads a stream of unknown length to S3 without holding it whole: a body smaller than one part
 * is one PUT; a larger one is a multipart upload whose parts (8 MiB) are sent while the next part
 * is still arriving, at most two at a time, so reading waits (and the sender with it) when storage
 * is slower. A failed upload is aborted, leaving no parts behind.
 *
 * Every request carries the CRC-32 of its bytes (`x-amz-checksum-crc32`; a multipart upload
 * declares it when it starts and lists each part's at completion, as S3 requires), which the store
 * checks before keeping them, while the payload itself goes unsigned (the client is made with
 * `enableSHA256` off, as it always is over TLS): a CRC costs a fraction of the SHA-256 a signed
 * payload needs, and the caller hashes the file once already for the record.
 */
export async function uploadInParts(client: Minio.Client, bucket: string, key: string, body: AsyncIterable<Buffer>, contentType: string): Promise<{ etag: string; versionId: string | null }> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const inFlight: Array<Promise<{ part: number; etag: string; checksum: string }>> = [];
  const done: Array<{ part: number; etag: string; checksum: string }> = [];
  let partNumber = 0;

  const put = async (chunks: Buffer[], length: number, headers: Record<string, string | number>, query?: string) => {
    const checksum = crc32Checksum(chunks);
    // One buffer, so that the client may send it again if the store asks it to retry.
    const payload = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
    const res = await client.makeRequestStreamAsync(
      { method: 'PUT', bucketName: bucket, objectName: key, ...(query === undefined ? {} : { query }), headers: { ...headers, 'Content-Length': length, 'x-amz-checksum-crc32': checksum } },
      payload,
      '',
      [200],
      '',
    );
    res.resume();
    return { etag: unquote(String(res.headers.etag ?? '')), versionId: (res.headers['x-amz-version-id'] as string | undefined) ?? null, checksum };
  };

  // A part is copied out of the arriving chunks into one of a few buffers of the upload's own, reused
  // once the part is stored: a new 8 MiB buffer for every part made the process collect its garbage
  // whole several times for each 100 MiB.
  const free: Buffer[] = [];
  const takePart = () => {
    const length = Math.min(pendingBytes, partBytes);
    const part = (free.pop() ?? spareBuffers.pop() ?? Buffer.allocUnsafe(partBytes)).subarray(0, length);
    let filled = 0;
    while (filled < length) {
      const chunk = pending[0] as Buffer;
      const copied = chunk.copy(part, filled, 0, Math.min(chunk.length, length - filled));
      filled += copied;
      if (copied === chunk.length) pending.shift();
      else pending[0] = chunk.subarray(copied);
    }
    pendingBytes -= length;
    return part;
  };

  const sendPart = async (part: Buffer) => {
    uploadId ??= await client.initiateNewMultipartUpload(bucket, key, { 'Content-Type': contentType, 'x-amz-checksum-algorithm': 'CRC32' });
    const number = ++partNumber;
    const sent = put([part], part.length, {}, `uploadId=${encodeURIComponent(uploadId)}&partNumber=${number}`).then((r) => {
      free.push(Buffer.from(part.buffer, part.byteOffset, partBytes));
      return { part: number, etag: r.etag, checksum: r.checksum };
    });
    inFlight.push(sent);
    if (inFlight.length >= partsInFlight) done.push(await (inFlight.shift() as (typeof inFlight)[number]));
  };

  const complete = async (id: string) => {
    const parts = done.sort((a, b) => a.part - b.part);
    const xml = `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts
      .map((p) => `<Part><PartNumber>${p.part}</PartNumber><ETag>${xmlText(p.etag)}</ETag><ChecksumCRC32>${p.checksum}</ChecksumCRC32></Part>`)
      .join('')}</CompleteMultipartUpload>`;
    const res = await client.makeRequestAsync({ method: 'POST', bucketName: bucket, objectName: key, query: `uploadId=${encodeURIComponent(id)}` }, xml, [200]);
    let answer = '';
    for await (const chunk of res) answer += String(chunk);
    // S3 may answer 200 and still report an error in the body.
    const etag = /<ETag>([^<]*)<\/ETag>/.exec(answer)?.[1];
    if (!answer.includes('<CompleteMultipartUploadResult') || etag === undefined) {
      const error = new Minio.S3Error(/<Message>([^<]*)<\/Message>/.exec(answer)?.[1] ?? 'the store did not complete the upload');
      error.code = /<Code>([^<]*)<\/Code>/.exec(answer)?.[1];
      throw error;
    }
    return { etag: unquote(etag), versionId: (res.headers['x-amz-version-id'] as string | undefined) ?? null };
  };

  try {
    for await (const chunk of body) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= partBytes) await sendPart(takePart());
    }
    if (uploadId === undefined) {
      const { etag, versionId } = await put(pending, pendingBytes, { 'Content-Type': contentType });
      return { etag, versionId };
    }
    if (pendingBytes > 0) await sendPart(takePart());
    done.push(...(await Promise.all(inFlight.splice(0))));
    return await complete(uploadId);
  } catch (e) {
    await Promise.allSettled(inFlight);
    if (uploadId !== undefined) await client.abortMultipartUpload(bucket, key, uploadId).catch(() => undefined);
    throw e;
  } finally {
    // Every part is settled here (sent, or waited for above): its buffer is no longer read.
    while (free.length > 0 && spareBuffers.length < keptBuffers) spareBuffers.push(free.pop() as Buffer);
  }
}
