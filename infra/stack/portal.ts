import { appComponent, type AppSpec } from './apps.js';
import type { Component, StackContext } from './component.js';
import { repoRoot } from './paths.js';
import { run } from './process.js';

async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.ok;
}

const spec: AppSpec = {
  name: 'portal',
  entry: 'services/portal/src/main.ts',
  port: ({ config }) => config.portal.port,
  ready: ({ config }) => httpOk(`http://${config.host}:${config.portal.port}/health`),
  startupTimeoutMs: 60_000,
};
const server = appComponent(spec);

/** Builds the web application (vite, about 20 s); the running portal serves the new files at once. */
export function buildPortalWeb(ctx: Pick<StackContext, 'progress'>): void {
  ctx.progress('building the web application (pnpm --filter @ntm/portal build)');
  // Always React's production build: the test runner's NODE_ENV ("test") would otherwise give the
  // development build (about 60 KB more compressed JavaScript, slower, effects run twice).
  run('portal', 'pnpm', ['--filter', '@ntm/portal', 'build'], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' } });
}

/** The portal: the web application people use, and its backend forwarding /api/... to the two APIs. */
export const portal: Component = {
  ...server,
  async start(ctx) {
    buildPortalWeb(ctx);
    await server.start(ctx);
  },
};
