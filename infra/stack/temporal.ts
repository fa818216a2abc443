import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { searchAttributeDefinitions } from '@ntm/contracts';
import { assertPortsFree, isPortOpen, readPid, run, startDaemon, stopDaemon, waitFor } from './process.js';
import { temporalCli } from './tools.js';
import type { Component, StackContext } from './component.js';

const component = 'temporal';

function healthy({ config }: StackContext, bin: string): boolean {
  try {
    return run(component, bin, ['operator', 'cluster', 'health', '--address', config.temporal.address]).includes('SERVING');
  } catch {
    return false;
  }
}

/**
 * A server started before a search attribute was added to the list lacks it, and a workflow that
 * sets it fails: registers the missing ones on a server found running.
 */
function registerMissingSearchAttributes({ config }: StackContext, bin: string): void {
  const where = ['--address', config.temporal.address, '--namespace', config.temporal.namespace];
  const listed = run(component, bin, ['operator', 'search-attribute', 'list', ...where]);
  for (const [name, type] of Object.entries(searchAttributeDefinitions)) {
    if (!listed.includes(name)) run(component, bin, ['operator', 'search-attribute', 'create', '--name', name, '--type', type, ...where]);
  }
}

export const temporal: Component = {
  name: component,
  async start(ctx) {
    const { config, paths, progress } = ctx;
    const bin = temporalCli(progress);
    const pidFile = paths.pid(component);
    const logFile = paths.log(component);
    if (readPid(pidFile) !== undefined && healthy(ctx, bin)) {
      progress(`already running on ${config.temporal.address}`);
      registerMissingSearchAttributes(ctx, bin);
      return;
    }
    await stopDaemon(pidFile);
    const t = config.temporal;
    await assertPortsFree(component, { 'Temporal frontend': t.port, 'Temporal Web UI': t.uiPort, 'Temporal HTTP API': t.httpPort }, t.host);
    mkdirSync(dirname(paths.temporalDb), { recursive: true });
    const searchAttributes = Object.entries(searchAttributeDefinitions).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
    startDaemon({
      component,
      command: bin,
      args: [
        'server', 'start-dev',
        '--db-filename', paths.temporalDb,
        '--ip', t.host,
        '--port', String(t.port),
        '--ui-port', String(t.uiPort),
        '--http-port', String(t.httpPort),
        '--log-level', 'warn',
        ...(t.namespace === 'default' ? [] : ['--namespace', t.namespace]),
        ...searchAttributes,
      ],
      logFile,
      pidFile,
    });
    await waitFor(component, async () => healthy(ctx, bin), { timeoutMs: 60_000, logFile, pidFile, what: 'serving' });
    await waitFor(component, () => isPortOpen(t.uiPort, t.host), { timeoutMs: 30_000, logFile, pidFile, what: 'serving its Web UI' });
  },
  stop: ({ paths }) => stopDaemon(paths.pid(component)),
  health: async (ctx) => healthy(ctx, temporalCli(() => undefined)),
  logFile: (paths) => paths.log(component),
  dataDirs: (paths) => [dirname(paths.temporalDb)],
};
