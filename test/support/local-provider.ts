import { loadConfig } from '@ntm/config';
import { startStack } from '@ntm/infra/stack';
import type { TestStackProvider } from './provider.js';

/** The local processes of `./dev`, on the test profile's ports. Left running for the next run. */
export const localProvider: TestStackProvider = {
  name: 'local processes',
  async start() {
    const env = { NTM_PROFILE: 'test' };
    await startStack(loadConfig({ ...process.env, ...env }), { apps: false, report: () => undefined });
    return { provider: this.name, env, release: async () => undefined };
  },
};
