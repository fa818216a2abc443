import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@ntm/config';
import { readPid } from './process.js';
import { stackPaths } from './paths.js';
import { temporal } from './temporal.js';
import type { StackContext } from './component.js';

// A Temporal server of its own (own state folder and ports), so restarting it disturbs no other test.
const config = loadConfig({
  NTM_PROFILE: 'test',
  NTM_STATE_DIR: mkdtempSync(join(tmpdir(), 'ntm-stack-')),
  NTM_TEMPORAL_PORT: '27233',
  NTM_TEMPORAL_UI_PORT: '28233',
  NTM_TEMPORAL_HTTP_PORT: '27243',
});
const ctx: StackContext = { config, paths: stackPaths(config), progress: () => undefined };

describe('the local Temporal server', () => {
  afterAll(() => temporal.stop(ctx));

  it('keeps a started workflow across a stop and start, and a second start changes nothing', async () => {
    await temporal.start(ctx);
    const workflowId = `restart-probe/${Date.now()}`;
    await withClient((client) =>
      client.workflow.start('neverPolledWorkflow', { taskQueue: 'nobody-polls-this', workflowId, args: [] }),
    );

    const pidBefore = readPid(ctx.paths.pid('temporal'));
    await temporal.start(ctx);
    expect(readPid(ctx.paths.pid('temporal'))).toBe(pidBefore);

    expect(await temporal.stop(ctx)).toBe(true);
    expect(await temporal.health(ctx)).toBe(false);
    await temporal.start(ctx);

    const description = await withClient((client) => client.workflow.getHandle(workflowId).describe());
    expect(description.workflowId).toBe(workflowId);
    expect(description.status.name).toBe('RUNNING');
  });
});

async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    return await fn(new Client({ connection, namespace: config.temporal.namespace }));
  } finally {
    await connection.close();
  }
}
