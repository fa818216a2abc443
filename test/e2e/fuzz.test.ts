import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemathesisCli } from '@ntm/infra/tools';
import { testConfig } from '@ntm/testing';
import { runSchemathesis, summarize, type FuzzResult } from '../fuzz/schemathesis.js';
import { startFuzzTarget, type FuzzTarget } from '../fuzz/target.js';

// A bounded run inside the test command (about two minutes); `pnpm fuzz [minutes]` runs a longer one.
const seconds = { 'dossier-api': 65, 'evidence-api': 25 };

describe('Schemathesis against both running services, signed in (their served OpenAPI documents)', () => {
  let bin: string;
  let target: FuzzTarget | undefined;

  beforeAll(async () => {
    // Installed from PyPI into the tools folder on first use; a failed install fails the test.
    bin = schemathesisCli(() => undefined);
    target = await startFuzzTarget(testConfig(), { worker: false, tokenTtlSeconds: 900 });
  }, 300_000);
  afterAll(() => target?.stop());

  it('finds no server error, hang, or answer whose status, content type, headers or body contradict the document', async () => {
    const results: FuzzResult[] = [];
    for (const service of target?.services ?? []) {
      results.push(await runSchemathesis(bin, { service: service.name, baseUrl: service.baseUrl, token: target?.token ?? '', seconds: seconds[service.name] }));
    }
    const summary = summarize(results);
    expect(results.map((r) => r.service)).toEqual(['dossier-api', 'evidence-api']);
    for (const r of results) expect(r.testCases, summary).toBeGreaterThan(100);
    expect(results.flatMap((r) => r.failures), summary).toEqual([]);
    expect(results.flatMap((r) => r.errors), summary).toEqual([]);
    expect(results.map((r) => r.exitCode), summary).toEqual([0, 0]);
  }, 200_000);
});
