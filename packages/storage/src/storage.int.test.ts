import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { objectKeys } from './keys.js';
import { createStorage, sha256OfStream } from './storage.js';

const config = testConfig();
const storage = createStorage(config.s3);

describe('MinIO evidence storage (real server)', () => {
  it('round-trips a 5 MiB object with a matching SHA-256 computed while streaming', async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    const key = objectKeys.probe(randomUUID());
    const stored = await storage.putStream(key, Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)]), 'application/pdf');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(stored.sha256).toBe(expected);
    expect(stored.size).toBe(bytes.length);
    expect(await sha256OfStream(await storage.getStream(key))).toBe(expected);
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it('keeps the bucket private: an anonymous GET is refused, a presigned URL works', async () => {
    const key = objectKeys.probe(randomUUID());
    await storage.putStream(key, Readable.from([Buffer.from('biên bản họp')]), 'text/plain');
    const base = `http://${config.s3.host}:${config.s3.port}/${config.s3.bucket}/${key}`;
    expect((await fetch(base)).status).toBe(403);
    const signed = await fetch(await storage.presignedGet(key, 60));
    expect(signed.status).toBe(200);
    expect(await signed.text()).toBe('biên bản họp');
  });

  it('keeps every version of an overwritten object (versioned bucket)', async () => {
    const key = objectKeys.probe(randomUUID());
    const first = await storage.putStream(key, Readable.from([Buffer.from('v1')]), 'text/plain');
    const second = await storage.putStream(key, Readable.from([Buffer.from('v2')]), 'text/plain');
    expect(first.versionId).toBeTruthy();
    expect(second.versionId).not.toBe(first.versionId);
  });

  it('creates its bucket with object locking; a held version cannot be deleted or overwritten in place, even through S3', async () => {
    const locked = createStorage({ ...config.s3, bucket: `ntm-lock-${randomUUID().slice(0, 8)}` });
    expect(await locked.ensureBucket()).toBe(true);
    expect(await locked.lockingEnabled()).toBe(true);
    const key = objectKeys.probe(randomUUID());
    const stored = await locked.putStream(key, Readable.from([Buffer.from('tờ trình')]), 'application/pdf');
    expect(await locked.isHeld(key)).toBe(false);
    expect(await locked.hold(key)).toBe(true);
    expect(await locked.hold(key)).toBe(true);
    expect(await locked.isHeld(key)).toBe(true);
    await expect(locked.client.removeObject(locked.bucket, key, { versionId: stored.versionId ?? '' })).rejects.toThrow(/WORM/);
    await expect(locked.purge(key)).rejects.toThrow(/WORM/);
    expect(await sha256OfStream(await locked.getStream(key))).toBe(stored.sha256);
  });

  it('holds nothing in a bucket made without object locking, and says so', async () => {
    const plain = createStorage({ ...config.s3, bucket: `ntm-plain-${randomUUID().slice(0, 8)}` });
    await plain.client.makeBucket(plain.bucket, config.s3.region);
    const key = objectKeys.probe(randomUUID());
    await plain.putStream(key, Readable.from([Buffer.from('x')]), 'text/plain');
    expect(await plain.lockingEnabled()).toBe(false);
    expect(await plain.hold(key)).toBe(false);
    await plain.purge(key);
    expect(await plain.exists(key)).toBe(false);
  });
});
