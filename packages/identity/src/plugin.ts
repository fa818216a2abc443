import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '@ntm/http';
import { AuthenticationError } from './errors.js';
import type { Actor, TokenVerifier } from './verify.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the identity plugin on every protected route. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Answer without a token (health, docs, login, public tracking pages). */
    public?: boolean;
  }
}

/** Route paths that answer without a token whatever their own config says; `/x/*` matches below /x/. */
export const defaultPublicRoutes: readonly string[] = ['/health', '/docs', '/docs/*'];

export interface AuthenticationOptions {
  verifier: TokenVerifier;
  /** Route paths (as declared, e.g. `/docs/*`) that need no token. Prefer `config: { public: true }` on the route. */
  publicRoutes?: readonly string[];
}

function publicPathMatcher(patterns: readonly string[]): (routePath: string | undefined) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('/*')));
  const prefixes = patterns.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1));
  return (routePath) => routePath !== undefined && (exact.has(routePath) || prefixes.some((p) => routePath.startsWith(p)));
}

/** A CORS preflight never carries credentials; the CORS plugin answers it. */
function isPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
}

/**
 * Requires a valid bearer token on every route of the app except public ones: those whose route
 * config says `public: true` and those in `publicRoutes`. The matched route's declared path is
 * checked, never the raw URL. A URL that matches no route is answered 404 as before: which routes
 * exist is no secret, the OpenAPI document at /docs lists them. The actor is put
 * on `request.actor`; a missing, invalid or expired token is answered 401 problem+json with
 * `WWW-Authenticate: Bearer`. Register it before the routes.
 */
export const authentication = fp<AuthenticationOptions>(
  async (app, { verifier, publicRoutes = defaultPublicRoutes }) => {
    const isPublicPath = publicPathMatcher(publicRoutes);
    app.addHook('onRequest', async (request, reply) => {
      if (request.is404 || request.routeOptions.config.public === true || isPublicPath(request.routeOptions.url) || isPreflight(request)) return;
      try {
        request.actor = await verifier(request.headers.authorization);
      } catch (e) {
        if (!(e instanceof AuthenticationError)) throw e;
        request.log.info({ reason: e.reason }, 'request refused: not authenticated');
        // RFC 6750: name the error only when a token was presented.
        void reply.header('www-authenticate', request.headers.authorization === undefined ? 'Bearer realm="ntm"' : 'Bearer realm="ntm", error="invalid_token"');
        throw new HttpProblem('unauthorized', e.message);
      }
    });
  },
  { name: '@ntm/identity/authentication', fastify: '5.x' },
);
