import type { FastifyInstance } from 'fastify';

/*
 * A path the service knows, asked with a method it does not answer there, is a 405 naming the
 * methods it does answer (the Allow header), not a 404 as if the path did not exist. The routes are
 * collected as they are registered, so the answer never drifts from the router.
 */

const toRegExp = (pattern: string) =>
  new RegExp(`^${pattern.split(/(:[A-Za-z0-9_]+)/).map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}/?$`);

export function collectRouteMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    routes.push({ pattern: toRegExp(route.url), methods });
  });
  /** The methods the service answers at this concrete path (without its query), sorted; none for an unknown path. */
  return (path) => [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort();
}
