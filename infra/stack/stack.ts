import { rmSync } from 'node:fs';
import type { Config } from '@ntm/config';
import { dossierApi, evidenceApi, worker } from './apps.js';
import type { Component, StackContext } from './component.js';
import { minio } from './minio.js';
import { stackPaths } from './paths.js';
import { postgres } from './postgres.js';
import { temporal } from './temporal.js';

import { StackError } from './process.js';

export { StackError };
export { stackEnvDefaults, withStackDefaults } from './env.js';
export type { Component, StackContext } from './component.js';

export const infraComponents: Component[] = [postgres, temporal, minio];
export const appComponents: Component[] = [dossierApi, evidenceApi, worker];

export type Reporter = (event: { component: string; line: string; kind: 'step' | 'info' | 'done' }) => void;

function context(config: Config, component: string, report: Reporter): StackContext {
  return { config, paths: stackPaths(config), progress: (line) => report({ component, line, kind: 'info' }) };
}

export async function startStack(config: Config, opts: { apps: boolean; report: Reporter }): Promise<void> {
  const components = opts.apps ? [...infraComponents, ...appComponents] : infraComponents;
  for (const [i, c] of components.entries()) {
    const started = performance.now();
    opts.report({ component: c.name, line: `[${i + 1}/${components.length}] starting ${c.name}`, kind: 'step' });
    await c.start(context(config, c.name, opts.report));
    opts.report({ component: c.name, line: `${c.name} up (${((performance.now() - started) / 1000).toFixed(1)} s)`, kind: 'done' });
  }
}

export async function stopStack(config: Config, report: Reporter, only?: string): Promise<void> {
  const all = [...infraComponents, ...appComponents];
  if (only !== undefined && !all.some((c) => c.name === only)) {
    throw new StackError(`name one of: ${all.map((c) => c.name).join(', ')}`, 'stop');
  }
  for (const c of all.reverse().filter((x) => only === undefined || x.name === only)) {
    const stopped = await c.stop(context(config, c.name, report));
    report({ component: c.name, line: stopped ? `${c.name} stopped` : `${c.name} was not running`, kind: 'done' });
  }
}

export async function stackHealth(config: Config, components = infraComponents): Promise<Record<string, boolean>> {
  const entries = await Promise.all(components.map(async (c) => [c.name, await c.health(context(config, c.name, () => undefined))] as const));
  return Object.fromEntries(entries);
}

/** Stops the profile's stack and deletes its data: databases, workflow history, stored files. */
export async function resetStack(config: Config, report: Reporter): Promise<void> {
  await stopStack(config, report);
  const paths = stackPaths(config);
  for (const dir of [...infraComponents.flatMap((c) => c.dataDirs(paths)), paths.stateDir]) {
    rmSync(dir, { recursive: true, force: true });
    report({ component: 'reset', line: `deleted ${dir}`, kind: 'info' });
  }
}

export function stackUrls(config: Config) {
  const h = config.publicHost;
  return {
    'Dossier API docs': `http://${h}:${config.dossierApi.port}/docs`,
    'Evidence API docs': `http://${h}:${config.evidenceApi.port}/docs`,
    'Temporal Web UI': `http://${h}:${config.temporal.uiPort}`,
    'MinIO console': `http://${h}:${config.s3.consolePort}`,
    'PostgreSQL': config.postgres.url.replace(/:[^:@/]+@/, ':***@'),
  };
}
