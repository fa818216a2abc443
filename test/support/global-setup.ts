import type { TestProject } from 'vitest/node';
import { chooseProvider } from './choose-provider.js';

import '@ntm/testing';

export default async function setup(project: TestProject) {
  const provider = await chooseProvider();
  const stack = await provider.start();
  project.provide('stackEnv', stack.env);
  return () => stack.release();
}
