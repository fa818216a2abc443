import { inject } from 'vitest';
import { loadConfig, type Config } from '@ntm/config';

export type { TestStack, TestStackProvider } from './provider.js';

/** The configuration that points at the test stack chosen by the global setup. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, ...inject('stackEnv'), ...overrides });
}
