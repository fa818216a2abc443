import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class StackError extends Error {
  constructor(
    message: string,
    readonly component: string,
    readonly logFile?: string,
  ) {
    super(logFile ? `${component}: ${message}\n  see the log: ${logFile}` : `${component}: ${message}`);
    this.name = 'StackError';
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function assertPortsFree(component: string, ports: Record<string, number>, host = '127.0.0.1'): Promise<void> {
  for (const [purpose, port] of Object.entries(ports)) {
    if (await isPortOpen(port, host)) {
      throw new StackError(
        `port ${port} (${purpose}) is already taken by another process. Stop that process or set another port in the environment (see packages/config).`,
        component,
      );
    }
  }
}

export interface DaemonSpec {
  component: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  pidFile: string;
}

/** Starts a long-running process detached from this one, output appended to its log file. */
export function startDaemon(spec: DaemonSpec): number {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  mkdirSync(dirname(spec.pidFile), { recursive: true });
  const log = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new StackError(`could not start ${spec.command}`, spec.component, spec.logFile);
  child.unref();
  writeFileSync(spec.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** Stops the process group behind a pid file: SIGTERM, then SIGKILL after the grace period. */
export async function stopDaemon(pidFile: string, graceMs = 10_000): Promise<boolean> {
  const pid = readPid(pidFile);
  rmSync(pidFile, { force: true });
  if (pid === undefined) return false;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      try {
        process.kill(pid, s);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signal('SIGKILL');
  return true;
}

/** Polls `check` until it returns true; fails with the component and its log file when time runs out. */
export async function waitFor(
  component: string,
  check: () => Promise<boolean>,
  opts: { timeoutMs: number; logFile?: string; pidFile?: string; what?: string },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (opts.pidFile && readPid(opts.pidFile) === undefined) {
      throw new StackError(`the process exited before it became ${opts.what ?? 'healthy'}`, component, opts.logFile);
    }
    if (Date.now() > deadline) {
      throw new StackError(`not ${opts.what ?? 'healthy'} after ${Math.round(opts.timeoutMs / 1000)} s`, component, opts.logFile);
    }
    await sleep(250);
  }
}

/** Runs a command to completion; throws a StackError with its output when it fails. */
export function run(component: string, command: string, args: string[], options: SpawnSyncOptions & { logFile?: string } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new StackError(`${command} could not run: ${result.error.message}`, component, options.logFile);
  if (result.status !== 0) {
    const out = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim().split('\n').slice(-15).join('\n    ');
    throw new StackError(`${command} ${args.join(' ')} failed (exit ${result.status}):\n    ${out}`, component, options.logFile);
  }
  return String(result.stdout ?? '');
}
