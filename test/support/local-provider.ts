import { loadConfig } from '@ntm/config';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';
import type { TestStackProvider } from './provider.js';

/** The local processes of `./dev`, on the test profile's ports. Left running for the next run. */
export const localProvider: TestStackProvider = {
  name: 'local processes',
  async start() {
    // Tests see the stack as its own services do: on the test profile, with the built-in issuer.
    const env = { NTM_PROFILE: 'test', ...stackEnvDefaults };
    await startStack(loadConfig({ ...process.env, ...env }), { apps: false, report: () => undefined });
    return { provider: this.name, env, release: async () => undefined };
  },
};
