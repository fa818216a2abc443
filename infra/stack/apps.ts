import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertPortsFree, readPid, run, startDaemon, stopDaemon, waitFor } from './process.js';
import { withStackDefaults } from './env.js';
import { repoRoot } from './paths.js';
import { temporalCli } from './tools.js';
import type { Component, StackContext } from './component.js';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

interface AppSpec {
  name: string;
  entry: string;
  port?: (ctx: StackContext) => number;
  ready: (ctx: StackContext) => Promise<boolean>;
  startupTimeoutMs: number;
}

function appComponent(spec: AppSpec): Component {
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

/** The process group a process belongs to (ps works on Linux and macOS alike). */
function processGroupOf(pid: number): number | undefined {
  const r = spawnSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' });
  const pgid = Number.parseInt(r.stdout.trim(), 10);
  return Number.isInteger(pgid) ? pgid : undefined;
}

/**
 * The worker is ready when Temporal sees this very process polling its task queue: a poller's
 * identity is `<pid>@<host>` of the worker process, a child in the process group the pid file
 * names. (Temporal remembers a killed worker's polls for minutes, so any poller would not do.)
 */
export const worker = appComponent({
  name: 'worker',
  entry: 'workflows/src/main.ts',
  ready: async ({ config, paths }) => {
    const group = readPid(paths.pid('worker'));
    if (group === undefined) return false;
    const out = run('worker', temporalCli(() => undefined), [
      'task-queue', 'describe',
      '--task-queue', config.temporal.taskQueue,
      '--namespace', config.temporal.namespace,
      '--address', config.temporal.address,
      '--output', 'json',
    ]);
    const { pollers } = JSON.parse(out) as { pollers?: Array<{ identity?: string }> | null };
    const pids = new Set((pollers ?? []).map((p) => Number.parseInt(p.identity ?? '', 10)).filter(Number.isInteger));
    return [...pids].some((pid) => processGroupOf(pid) === group);
  },
  startupTimeoutMs: 120_000,
});
