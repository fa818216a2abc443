import type { TestProject } from 'vitest/node';
import { temporalCli, temporalTestServer } from '@ntm/infra/tools';
import { chooseProvider } from './choose-provider.js';

import '@ntm/testing';

export default async function setup(project: TestProject) {
  const provider = await chooseProvider();
  const stack = await provider.start();
  project.provide('stackEnv', stack.env);
  // Temporal's time-skipping server, for workflow tests whose timers must pass instantly.
  project.provide('temporalTestServer', temporalTestServer(() => undefined));
  // The Temporal CLI, for tests that need a dev server with their own dynamic configuration.
  project.provide('temporalCli', temporalCli(() => undefined));
  return () => stack.release();
}
