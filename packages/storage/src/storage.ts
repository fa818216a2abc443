import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import { uploadInParts } from './part-upload.js';

export interface S3Settings {
  host: string;
  port: number;
  useSSL: boolean;
  region: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
}

export interface StoredObject {
  key: string;
  sha256: string;
  size: number;
  etag: string;
  versionId: string | null;
}

/**
 * The evidence store. Speaks plain S3 through the `minio` client, so any S3-compatible
 * service works. The bucket stays private: objects leave only through this wrapper.
 */
export function createStorage(settings: S3Settings) {
  const client = new Minio.Client({
    endPoint: settings.host,
    port: settings.port,
    useSSL: settings.useSSL,
    region: settings.region,
    accessKey: settings.accessKey,
    secretKey: settings.secretKey,
  });
  // Payloads go unsigned on any transport, as the client does by itself over TLS: a signed payload
  // costs a SHA-256 of every byte before it is sent. What is stored is checked by a checksum
  // instead: uploadInParts sends a CRC-32 with every request, the client's own PUTs a Content-MD5.
  client.enableSHA256 = false;
  const { bucket } = settings;
  let locking: Promise<boolean> | undefined;

  return {
    bucket,
    client,

    /**
     * Creates the bucket when missing (private, versioned, with object locking so that submitted
     * evidence can be put under legal hold); returns whether it was created. Object locking can
     * only be turned on when a bucket is created: an older bucket keeps working without it.
     */
    async ensureBucket(): Promise<boolean> {
      if (await client.bucketExists(bucket)) return false;
      await client.makeBucket(bucket, settings.region, { ObjectLocking: true });
      // Versioning keeps every overwritten or deleted version of an evidence file recoverable.
      await client.setBucketVersioning(bucket, { Status: 'Enabled' });
      return true;
    },

    /** Whether the bucket has object locking (legal holds); asked once per process. */
    lockingEnabled(): Promise<boolean> {
      // The client's typings pick a void overload here; it answers a promise.
      locking ??= (client.getObjectLockConfig(bucket) as unknown as Promise<{ objectLockEnabled?: string }>).then(
        (c) => c.objectLockEnabled === 'Enabled',
        (e: unknown) => {
          if ((e as { code?: string }).code === 'ObjectLockConfigurationNotFoundError') return false;
          // Unreachable store: ask again next time.
          locking = undefined;
          throw e;
        },
      );
      return locking;
    },

    /**
     * Puts an object's current version under legal hold: the store then refuses to delete or
     * overwrite that version, whoever asks, until the hold is lifted. Repeating it changes nothing.
     * Answers false, holding nothing, when the bucket has no object locking.
     */
    async hold(key: string): Promise<boolean> {
      if (!(await this.lockingEnabled())) return false;
      // Typed as void, answers a promise.
      await (client.setObjectLegalHold(bucket, key, { status: 'ON' }) as unknown as Promise<void>);
      return true;
    },

    /** Whether an object's current version is under legal hold. */
    async isHeld(key: string): Promise<boolean> {
      if (!(await this.lockingEnabled())) return false;
      try {
        // Typed as the bare status, answered as { Status }.
        const answer = (await client.getObjectLegalHold(bucket, key)) as unknown as { Status?: string };
        return answer.Status === 'ON';
      } catch (e) {
        // An object never held has no hold to report.
        if ((e as { code?: string }).code === 'NoSuchObjectLockConfiguration') return false;
        throw e;
      }
    },

    /** Cheap reachability check used by /health. */
    async ping(): Promise<void> {
      await client.bucketExists(bucket);
    },

    /** Streams `body` into the store (see uploadInParts), computing its SHA-256 and size on the way through. */
    async putStream(key: string, body: Readable, contentType: string): Promise<StoredObject> {
      const hash = createHash('sha256');
      let size = 0;
      async function* metered(): AsyncGenerator<Buffer> {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      }
      const info = await uploadInParts(client, bucket, key, metered(), contentType);
      return { key, sha256: hash.digest('hex'), size, etag: info.etag, versionId: info.versionId };
    },

    getStream(key: string): Promise<Readable> {
      return client.getObject(bucket, key);
    },

    async exists(key: string): Promise<boolean> {
      try {
        await client.statObject(bucket, key);
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },

    async remove(key: string): Promise<void> {
      await client.removeObject(bucket, key);
    },

    /** The version ids stored under exactly this key, newest first. */
    async versions(key: string): Promise<string[]> {
      const found: string[] = [];
      for await (const item of client.listObjects(bucket, key, false, { IncludeVersion: true })) {
        const v = item as { name?: string; versionId?: string | null };
        if (v.name === key && v.versionId) found.push(v.versionId);
      }
      return found;
    },

    /** Removes every stored version of an object (the bucket is versioned), leaving no trace. */
    async purge(key: string): Promise<void> {
      const versions = await this.versions(key);
      if (versions.length === 0) await client.removeObject(bucket, key);
      for (const versionId of versions) await client.removeObject(bucket, key, { versionId });
    },

    /** Keys (with last-modified time) of the current objects under a prefix. */
    async list(prefix: string): Promise<Array<{ key: string; lastModified: Date }>> {
      const found: Array<{ key: string; lastModified: Date }> = [];
      for await (const item of client.listObjects(bucket, prefix, true)) {
        const o = item as { name?: string; lastModified?: Date };
        if (o.name) found.push({ key: o.name, lastModified: o.lastModified ?? new Date(0) });
      }
      return found;
    },

    /** A short-lived URL that lets whoever holds it read one object. */
    presignedGet(key: string, expirySeconds: number): Promise<string> {
      return client.presignedGetObject(bucket, key, expirySeconds);
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;

function isNotFound(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey';
}

/** SHA-256 of a whole stream, hex. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Network failures reaching the store, and the store's own "try later" answers.
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'SlowDown', 'ServiceUnavailable', 'XMinioServerNotInitialized']);

/** Whether an error means the store could not be reached or asked to come back later (worth a retry). */
export function isStorageUnreachable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && unreachableCodes.has(code);
}
