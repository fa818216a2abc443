import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '@ntm/config';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export const toolsDir = process.env.NTM_TOOLS_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ntm-tools');

export const isRoot = process.getuid?.() === 0;

export interface StackPaths {
  stateDir: string;
  logs: string;
  run: string;
  postgresData: string;
  temporalDb: string;
  minioData: string;
  log(component: string): string;
  pid(component: string): string;
}

export function stackPaths(config: Config): StackPaths {
  const stateDir = config.stateDir ?? join(repoRoot, '.stack', config.profile);
  return {
    stateDir,
    logs: join(stateDir, 'logs'),
    run: join(stateDir, 'run'),
    postgresData: postgresDataDir(stateDir, config.profile),
    temporalDb: join(stateDir, 'temporal', 'temporal.db'),
    minioData: join(stateDir, 'minio'),
    log: (component) => join(stateDir, 'logs', `${component}.log`),
    pid: (component) => join(stateDir, 'run', `${component}.pid`),
  };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, who may not be
 * able to reach a folder inside this clone (a clone under a private temp folder, say). Its data
 * then lives in that user's home, in a folder named after the stack's state folder, so two
 * clones never share it and two checkouts given the same NTM_STATE_DIR share one stack.
 */
function postgresDataDir(stateDir: string, profile: string): string {
  if (!isRoot) return join(stateDir, 'postgres');
  const home = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':')[5] ?? '/var/lib/postgresql';
  const stack = createHash('sha256').update(stateDir).digest('hex').slice(0, 10);
  return join(home, 'ntm-stacks', `${stack}-${profile}`);
}
