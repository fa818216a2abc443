import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StackError, assertPortsFree, isPortOpen } from './process.js';

describe('port checks', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('names the component and the port when a port is already taken', async () => {
    server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server?.once('listening', r));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const error = await assertPortsFree('minio', { 'S3 API': address.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackError);
    expect((error as StackError).message).toMatch(new RegExp(`^minio: port ${address.port} \\(S3 API\\) is already taken`));
  });

  it('answers quickly for a free port', async () => {
    const started = Date.now();
    expect(await isPortOpen(1, '127.0.0.1')).toBe(false);
    await expect(assertPortsFree('minio', { 'S3 API': 1 })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
