import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const workflowsPath = join(import.meta.dirname, 'workflows', 'index.ts');

/** Where bundles are kept, one file per content hash; inside node_modules, so never committed. */
export const bundleCacheDir = join(repoRoot, 'node_modules', '.cache', 'ntm-workflow-bundle');

/**
 * What the bundle is made of: the workflow code and every workspace package's sources (the
 * workflows may import domain and contracts, which may import others; hashing them all is cheap
 * and never misses one), and the lockfile for the third-party code (Temporal's, zod).
 */
function bundleInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.(ts|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  walk(join(import.meta.dirname, 'workflows'));
  for (const pkg of readdirSync(join(repoRoot, 'packages'))) {
    const src = join(repoRoot, 'packages', pkg, 'src');
    if (existsSync(src)) walk(src);
  }
  return [...files.sort(), join(repoRoot, 'pnpm-lock.yaml')];
}

/** SHA-256 over the inputs' paths and contents. */
export function workflowSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of bundleInputs()) hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * The workflow bundle for today's sources, built once and then read from the cache: bundling
 * with webpack takes seconds (many under load), and a worker restarted after a crash should
 * poll again at once. A change to any input makes a new bundle; older ones are removed.
 */
export async function cachedWorkflowBundle(cacheDir = bundleCacheDir): Promise<{ codePath: string; built: boolean }> {
  const codePath = join(cacheDir, `workflows-${workflowSourceHash().slice(0, 32)}.js`);
  if (existsSync(codePath)) return { codePath, built: false };
  const { code } = await bundleWorkflowCode({ workflowsPath });
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so a worker starting meanwhile never reads half a bundle.
  const partial = `${codePath}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, codePath);
  for (const old of readdirSync(cacheDir)) {
    if (old.endsWith('.js') && join(cacheDir, old) !== codePath) rmSync(join(cacheDir, old), { force: true });
  }
  return { codePath, built: true };
}
