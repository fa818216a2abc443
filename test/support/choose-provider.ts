import { spawnSync } from 'node:child_process';
import type { TestStackProvider } from './provider.js';
import { localProvider } from './local-provider.js';

/** True when a Docker engine answers (a `docker` client alone is not enough). */
export function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 5000 });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/** testcontainers when a Docker engine answers, local processes otherwise; NTM_TEST_STACK=local|testcontainers forces one. */
export async function chooseProvider(env = process.env): Promise<TestStackProvider> {
  const wanted = env.NTM_TEST_STACK ?? (dockerEngineAnswers() ? 'testcontainers' : 'local');
  if (wanted === 'local') return localProvider;
  if (wanted === 'testcontainers') return (await import('./testcontainers-provider.js')).testcontainersProvider;
  throw new Error(`NTM_TEST_STACK must be "local" or "testcontainers", not "${wanted}"`);
}
