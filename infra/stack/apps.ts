import { join } from 'node:path';
import { assertPortsFree, readPid, run, startDaemon, stopDaemon, waitFor } from './process.js';
import { withStackDefaults } from './env.js';
import { repoRoot } from './paths.js';
import { temporalCli } from './tools.js';
import type { Component, StackContext } from './component.js';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

export interface AppSpec {
  name: string;
  entry: string;
  port?: (ctx: StackContext) => number;
  ready: (ctx: StackContext) => Promise<boolean>;
  startupTimeoutMs: number;
}

export function appComponent(spec: AppSpec): Component {
  return {
    name: spec.name,
    async start(ctx) {
      const { config, paths, progress } = ctx;
      const pidFile = paths.pid(spec.name);
      const logFile = paths.log(spec.name);
      if (readPid(pidFile) !== undefined && (await spec.ready(ctx).catch(() => false))) {
        progress('already running');
        return;
      }
      await stopDaemon(pidFile);
      if (spec.port) await assertPortsFree(spec.name, { [spec.name]: spec.port(ctx) }, config.host);
      startDaemon({
        component: spec.name,
        command: tsx,
        args: [join(repoRoot, spec.entry)],
        cwd: repoRoot,
        env: { ...withStackDefaults(process.env), NTM_PROFILE: config.profile },
        logFile,
        pidFile,
      });
      await waitFor(spec.name, () => spec.ready(ctx), { timeoutMs: spec.startupTimeoutMs, logFile, pidFile, what: 'ready' });
    },
    stop: ({ paths }) => stopDaemon(paths.pid(spec.name)),
    health: (ctx) => spec.ready(ctx).catch(() => false),
    logFile: (paths) => paths.log(spec.name),
    dataDirs: () => [],
  };
}

async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.ok;
}

export const dossierApi = appComponent({
  name: 'dossier-api',
  entry: 'services/dossier-api/src/main.ts',
  port: ({ config }) => config.dossierApi.port,
  ready: ({ config }) => httpOk(`http://${config.host}:${config.dossierApi.port}/health`),
  startupTimeoutMs: 60_000,
});

export const evidenceApi = appComponent({
  name: 'evidence-api',
  entry: 'services/evidence-api/src/main.ts',
  port: ({ config }) => config.evidenceApi.port,
  ready: ({ config }) => httpOk(`http://${config.host}:${config.evidenceApi.port}/health`),
  startupTimeoutMs: 60_000,
});

/** The worker is ready when Temporal sees it polling its task queue. */
export const worker = appComponent({
  name: 'worker',
  entry: 'workflows/src/main.ts',
  ready: async ({ config }) => {
    const out = run('worker', temporalCli(() => undefined), [
      'task-queue', 'describe',
      '--task-queue', config.temporal.taskQueue,
      '--namespace', config.temporal.namespace,
      '--address', config.temporal.address,
      '--output', 'json',
    ]);
    return /"identity"\s*:/.test(out);
  },
  startupTimeoutMs: 120_000,
});
