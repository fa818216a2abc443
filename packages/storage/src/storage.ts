import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as Minio from 'minio';

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
  const { bucket } = settings;

  return {
    bucket,
    client,

    /** Creates the bucket (private, versioned) when missing; returns whether it was created. */
    async ensureBucket(): Promise<boolean> {
      if (await client.bucketExists(bucket)) return false;
      await client.makeBucket(bucket, settings.region);
      // Versioning keeps every overwritten or deleted version of an evidence file recoverable.
      await client.setBucketVersioning(bucket, { Status: 'Enabled' });
      return true;
    },

    /** Cheap reachability check used by /health. */
    async ping(): Promise<void> {
      await client.bucketExists(bucket);
    },

    /** Streams `body` into the store, computing its SHA-256 and size on the way through. */
    async putStream(key: string, body: Readable, contentType: string): Promise<StoredObject> {
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const upload = new PassThrough();
      const [info] = await Promise.all([
        client.putObject(bucket, key, upload, undefined, { 'Content-Type': contentType }),
        pipeline(body, meter, upload),
      ]);
      return { key, sha256: hash.digest('hex'), size, etag: info.etag, versionId: info.versionId ?? null };
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

    /** Removes every stored version of an object (the bucket is versioned), leaving no trace. */
    async purge(key: string): Promise<void> {
      const versions: Array<{ name: string; versionId?: string | null }> = [];
      for await (const item of client.listObjects(bucket, key, false, { IncludeVersion: true })) {
        const v = item as { name?: string; versionId?: string | null };
        if (v.name === key) versions.push({ name: key, versionId: v.versionId ?? null });
      }
      for (const v of versions) await client.removeObject(bucket, key, v.versionId ? { versionId: v.versionId } : {});
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
