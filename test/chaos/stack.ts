import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, type Config } from '@ntm/config';
import { dossierApi, evidenceApi, worker } from '@ntm/infra/apps';
import { repoRoot, stackPaths } from '@ntm/infra/paths';
import { isAlive, readPid } from '@ntm/infra/process';
import { infraComponents, stackEnvDefaults, startStack, stopStack } from '@ntm/infra/stack';
import type { Component, StackContext } from '@ntm/infra/stack';

/**
 * The chaos runs' own stack: its own state folder and ports, because the faults kill its
 * processes. Never the shared test stack. NTM_CHAOS_SLOT (0 unless set) shifts every port by 100
 * times it and names another folder, for a second chaos stack beside the first.
 */
const slot = Number(process.env.NTM_CHAOS_SLOT ?? 0);
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('NTM_CHAOS_SLOT must be 0 to 9');
const at = (port: number) => String(port + 100 * slot);
export const chaosEnv = {
  ...stackEnvDefaults,
  NTM_PROFILE: 'test',
  NTM_STATE_DIR: join(repoRoot, '.stack', slot === 0 ? 'chaos' : `chaos-${slot}`),
  NTM_PG_PORT: at(55453),
  NTM_PG_DATABASE: 'ntm_chaos',
  NTM_TEMPORAL_PORT: at(37233),
  NTM_TEMPORAL_UI_PORT: at(38233),
  NTM_TEMPORAL_HTTP_PORT: at(37243),
  NTM_S3_PORT: at(29000),
  NTM_MINIO_CONSOLE_PORT: at(29001),
  NTM_DOSSIER_API_PORT: at(23000),
  NTM_EVIDENCE_API_PORT: at(23001),
  NTM_PORTAL_PORT: at(23002),
  NTM_LOG_LEVEL: 'warn',
  // A run of 20 rounds outlasts the default 15-minute token the driver signs in with.
  NTM_AUTH_ACCESS_TTL_SECONDS: String(24 * 3600),
  NTM_AUTH_REFRESH_TTL_SECONDS: String(48 * 3600),
  // One chaos driver uploads every file: the per-person limits are for people.
  NTM_UPLOAD_RATE_LIMIT: '10000',
  NTM_UPLOAD_RATE_LIMIT_PER_IP: '100000',
} as const;

export interface ChaosStack {
  config: Config;
  ctx: StackContext;
  /** The component of this name (postgres, temporal, minio, dossier-api, evidence-api, worker). */
  component(name: string): Component;
}

/**
 * Starts (or finds) the chaos stack. The apps read their configuration from the environment
 * they are started with, so the chaos variables are put into this process's environment.
 */
export async function startChaosStack(log: (line: string) => void = () => undefined): Promise<ChaosStack> {
  Object.assign(process.env, chaosEnv);
  const config = loadConfig(process.env);
  if (config.postgres.port === 55433 || config.temporal.port === 17233) throw new Error('the chaos stack must never use the test stack');
  await startStack(config, { apps: true, report: ({ line, kind }) => kind !== 'info' && log(line) });
  const ctx: StackContext = { config, paths: stackPaths(config), progress: () => undefined };
  const all = [...infraComponents, dossierApi, evidenceApi, worker];
  return {
    config,
    ctx,
    component(name) {
      const c = all.find((x) => x.name === name);
      if (!c) throw new Error(`no component ${name}`);
      return c;
    },
  };
}

/** SIGKILLs a started process (and its children) and waits until it is gone. */
export async function killProcess(stack: ChaosStack, name: string): Promise<void> {
  const pidFile = stack.ctx.paths.pid(name);
  const pid = readPid(pidFile);
  if (pid === undefined) throw new Error(`${name} is not running`);
  process.kill(-pid, 'SIGKILL');
  // The whole group, not only the pid file's process: its child holds the port until it is gone.
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return isAlive(pid);
    }
  };
  const deadline = Date.now() + 10_000;
  while (groupAlive() && Date.now() < deadline) await sleep(50);
  rmSync(pidFile, { force: true });
}

/** Stops every process of the chaos stack (its data stays for the next run). */
export async function stopChaosStack(stack: ChaosStack): Promise<void> {
  await stopStack(stack.config, () => undefined);
}
