import type { TestProject } from 'vitest/node';
import { chooseProvider } from './choose-provider.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const provider = await chooseProvider();
  const stack = await provider.start();
  project.provide('stackEnv', stack.env);
  return () => stack.release();
}
