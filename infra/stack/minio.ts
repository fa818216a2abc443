import { mkdirSync } from 'node:fs';
import { createStorage } from '@ntm/storage';
import { assertPortsFree, readPid, startDaemon, stopDaemon, waitFor } from './process.js';
import { minioServer } from './tools.js';
import type { Component, StackContext } from './component.js';

const component = 'minio';

async function live({ config }: StackContext): Promise<boolean> {
  const scheme = config.s3.useSSL ? 'https' : 'http';
  const res = await fetch(`${scheme}://${config.s3.host}:${config.s3.port}/minio/health/live`, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

export const minio: Component = {
  name: component,
  async start(ctx) {
    const { config, paths, progress } = ctx;
    const bin = minioServer(progress);
    const pidFile = paths.pid(component);
    const logFile = paths.log(component);
    if (readPid(pidFile) !== undefined && (await live(ctx).catch(() => false))) {
      progress(`already running on ${config.s3.host}:${config.s3.port}`);
    } else {
      await stopDaemon(pidFile);
      await assertPortsFree(component, { 'S3 API': config.s3.port, 'MinIO console': config.s3.consolePort }, config.s3.host);
      mkdirSync(paths.minioData, { recursive: true });
      startDaemon({
        component,
        command: bin,
        args: ['server', paths.minioData, '--quiet', '--address', `${config.s3.host}:${config.s3.port}`, '--console-address', `${config.s3.host}:${config.s3.consolePort}`],
        env: {
          ...process.env,
          MINIO_ROOT_USER: config.s3.accessKey,
          MINIO_ROOT_PASSWORD: config.s3.secretKey,
          MINIO_UPDATE: 'off',
          MINIO_CALLHOME_ENABLE: 'off',
        },
        logFile,
        pidFile,
      });
      await waitFor(component, () => live(ctx), { timeoutMs: 60_000, logFile, pidFile, what: 'live' });
    }
    const storage = createStorage(config.s3);
    const created = await storage.ensureBucket();
    progress(created ? `created the private bucket "${config.s3.bucket}"` : `bucket "${config.s3.bucket}" ready`);
    if (!(await storage.lockingEnabled())) {
      progress(`bucket "${config.s3.bucket}" predates object locking: submitted evidence is protected by the evidence API only (./dev reset recreates it with locking)`);
    }
  },
  stop: ({ paths }) => stopDaemon(paths.pid(component)),
  health: (ctx) => live(ctx).catch(() => false),
  logFile: (paths) => paths.log(component),
  dataDirs: (paths) => [paths.minioData],
};
