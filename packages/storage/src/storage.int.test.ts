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
});
