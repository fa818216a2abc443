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
 * processes. Never the shared test stack.
 */
export const chaosEnv = {
  ...stackEnvDefaults,
  NTM_PROFILE: 'test',
  NTM_STATE_DIR: join(repoRoot, '.stack', 'chaos'),
  NTM_PG_PORT: '55453',
  NTM_PG_DATABASE: 'ntm_chaos',
  NTM_TEMPORAL_PORT: '37233',
  NTM_TEMPORAL_UI_PORT: '38233',
  NTM_TEMPORAL_HTTP_PORT: '37243',
  NTM_S3_PORT: '29000',
  NTM_MINIO_CONSOLE_PORT: '29001',
  NTM_DOSSIER_API_PORT: '23000',
  NTM_EVIDENCE_API_PORT: '23001',
  NTM_LOG_LEVEL: 'warn',
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
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  rmSync(pidFile, { force: true });
}

/** Stops every process of the chaos stack (its data stays for the next run). */
export async function stopChaosStack(stack: ChaosStack): Promise<void> {
  await stopStack(stack.config, () => undefined);
}
