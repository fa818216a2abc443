import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { objectKeys } from './keys.js';
import { crc32Checksum, partBytes } from './part-upload.js';
import { createStorage, sha256OfStream } from './storage.js';

const config = testConfig();
const storage = createStorage(config.s3);

/** `bytes` as a stream of 64 KiB chunks, as an upload arrives. */
const chunked = (bytes: Buffer) => Readable.from((function* () {
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
})());

/** The CRC-32 the store recorded for an object (what it checked the bytes against on the way in). */
async function storedChecksum(key: string) {
  const res = await storage.client.makeRequestAsync({ method: 'HEAD', bucketName: storage.bucket, objectName: key, headers: { 'x-amz-checksum-mode': 'ENABLED' } }, '', [200]);
  res.resume();
  return { crc32: res.headers['x-amz-checksum-crc32'], type: res.headers['x-amz-checksum-type'] };
}

async function unfinishedUploads(key: string): Promise<number> {
  let count = 0;
  for await (const _ of storage.client.listIncompleteUploads(storage.bucket, key, true)) count++;
  return count;
}

describe('streaming a file of unknown length into the store (real server)', () => {
  it('stores a file of several parts whole, with the SHA-256 and size computed on the way', async () => {
    const bytes = randomBytes(partBytes * 2 + 12_345);
    const key = objectKeys.probe(randomUUID());
    const stored = await storage.putStream(key, chunked(bytes), 'application/pdf');
    expect(stored.size).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stored.versionId).toBeTruthy();
    expect(await sha256OfStream(await storage.getStream(key))).toBe(stored.sha256);
    const stat = await storage.client.statObject(storage.bucket, key);
    expect(stat.metaData['content-type']).toBe('application/pdf');
    // Each of the three parts went with its CRC-32, which the store checked and keeps.
    expect(await storedChecksum(key)).toEqual({ crc32: expect.stringMatching(/-3$/), type: 'COMPOSITE' });
    await storage.purge(key);
  });

  it('cuts parts out of chunks of any size, larger than a part too, and stores the bytes in order', async () => {
    const bytes = randomBytes(partBytes * 3 + 5);
    const sizes = [3_000_000, partBytes * 2 + 1, 7, partBytes];
    const key = objectKeys.probe(randomUUID());
    const chunks = sizes.map((_, i) => bytes.subarray(sizes.slice(0, i).reduce((a, b) => a + b, 0), sizes.slice(0, i + 1).reduce((a, b) => a + b, 0)));
    const stored = await storage.putStream(key, Readable.from(chunks), 'application/pdf');
    expect(stored.size).toBe(bytes.length);
    expect(await sha256OfStream(await storage.getStream(key))).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await storedChecksum(key)).crc32).toMatch(/-4$/);
    await storage.purge(key);
  });

  it('stores a file smaller than a part in one request', async () => {
    const bytes = randomBytes(100_000);
    const key = objectKeys.probe(randomUUID());
    const stored = await storage.putStream(key, chunked(bytes), 'image/png');
    expect(stored.size).toBe(bytes.length);
    expect(await sha256OfStream(await storage.getStream(key))).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await storedChecksum(key)).toEqual({ crc32: crc32Checksum([bytes]), type: 'FULL_OBJECT' });
    await storage.purge(key);
  });

  it('has bytes that do not match their CRC-32 refused by the store (payloads go unsigned, checked by checksum)', async () => {
    const key = objectKeys.probe(randomUUID());
    const bytes = randomBytes(1000);
    const put = storage.client.makeRequestStreamAsync(
      { method: 'PUT', bucketName: storage.bucket, objectName: key, headers: { 'Content-Length': bytes.length, 'x-amz-checksum-crc32': crc32Checksum([bytes.subarray(1)]) } },
      bytes,
      '',
      [200],
      '',
    );
    await expect(put).rejects.toMatchObject({ code: 'XAmzContentChecksumMismatch' });
    expect(await storage.exists(key)).toBe(false);
  });

  it('leaves neither an object nor unfinished parts when the stream fails after some parts went out', async () => {
    const key = objectKeys.probe(randomUUID());
    const failing = Readable.from((async function* () {
      yield randomBytes(partBytes);
      yield randomBytes(partBytes);
      throw new Error('the connection dropped');
    })());
    await expect(storage.putStream(key, failing, 'application/pdf')).rejects.toThrow('the connection dropped');
    expect(await storage.exists(key)).toBe(false);
    expect(await unfinishedUploads(key)).toBe(0);
  });
});
