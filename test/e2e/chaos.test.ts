import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults } from '../chaos/faults.js';
import { openChaos, problems, runFault } from '../chaos/run.js';
import { stopChaosStack } from '../chaos/stack.js';

// One round of each fault of `pnpm chaos`, on a stack of its own (.stack/chaos, own ports): the
// faults kill its processes, so never the shared test stack's.
const dossiersPerRound: Record<string, number> = { 'worker-kill': 3, 'temporal-kill': 3, 'postgres-restart': 2, 'minio-kill': 1, 'evidence-api-kill': 1 };

describe('faults injected into the running services (PostgreSQL, Temporal, MinIO, both APIs and the worker as processes)', () => {
  let env: Awaited<ReturnType<typeof openChaos>>;
  beforeAll(async () => {
    env = await openChaos();
  }, 300_000);
  afterAll(async () => {
    await env.close();
    await stopChaosStack(env.stack);
  }, 120_000);

  for (const fault of faults) {
    it(`${fault.describe}: every dossier decided once, nothing lost or duplicated, no 5xx but the 503 problem, the audit chain whole`, async () => {
      const t = await runFault(env, fault, 1);
      expect(problems([t])).toEqual([]);
      expect(t.completed).toBe(dossiersPerRound[fault.name]);
      if (fault.name === 'worker-kill') expect(t.figures.kills?.[0]).toBeGreaterThanOrEqual(1);
      // Callers were told to retry while the dependency was away.
      if (['temporal-kill', 'postgres-restart', 'minio-kill'].includes(fault.name)) expect(t.unavailable).toBeGreaterThan(0);
    }, 240_000);
  }
});
