import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedWorkflowBundle, workflowSourceHash } from './workflow-bundle.js';

describe('the cached workflow bundle', () => {
  it('is built once for a set of sources and then read from the cache, older bundles removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-bundle-'));
    writeFileSync(join(dir, 'workflows-old.js'), '// a bundle of other sources');
    const first = await cachedWorkflowBundle(dir);
    expect(first.built).toBe(true);
    expect(readFileSync(first.codePath, 'utf8')).toContain('dossierWorkflow');
    expect(readdirSync(dir)).toEqual([first.codePath.slice(dir.length + 1)]);

    const started = performance.now();
    const second = await cachedWorkflowBundle(dir);
    expect(second).toEqual({ codePath: first.codePath, built: false });
    expect(performance.now() - started).toBeLessThan(2000);
  }, 120_000);

  it('names the bundle by a hash of its sources, the same while they do not change', () => {
    expect(workflowSourceHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(workflowSourceHash()).toBe(workflowSourceHash());
  });
});
