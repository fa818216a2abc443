import { inject } from 'vitest';
import { loadConfig, type Config } from '@ntm/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Environment variables pointing at the stack the global setup started (test/support). */
    stackEnv: Record<string, string>;
    /** Path of Temporal's time-skipping test server binary. */
    temporalTestServer: string;
    /** Path of the Temporal CLI (its `server start-dev`). */
    temporalCli: string;
  }
}

/** The configuration that points at the test stack chosen by the global setup. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, ...inject('stackEnv'), ...overrides });
}
export { freePort } from './free-port.js';
