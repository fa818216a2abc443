import type { FastifyInstance } from 'fastify';
import type { Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { localIssuerFromConfig, type LocalIssuer } from './local-issuer.js';
import { authentication, defaultPublicRoutes } from './plugin.js';
import { authRoutes } from './routes.js';
import { createTokenVerifier, type TokenVerifier } from './verify.js';

export * from './errors.js';
export * from './passwords.js';
export * from './local-issuer.js';
export * from './verify.js';
export { loadActor, toGrants } from './actor.js';
export * from './plugin.js';
export * from './routes.js';
export * from './users.js';

/**
 * Everything a service needs for identity, in one call made before its routes are registered:
 * every route then needs a valid bearer token except health, docs and routes with
 * `config: { public: true }`; GET /auth/me is served, and with the built-in issuer on
 * (NTM_AUTH_LOCAL_ISSUER) also login, refresh and its key set. With no issuer configured at all
 * the service starts, warns, and refuses every protected request with 401.
 */
export async function registerIdentity(
  app: FastifyInstance,
  { config, db, publicRoutes = defaultPublicRoutes }: { config: Config; db: Db; publicRoutes?: readonly string[] },
): Promise<{ verifier: TokenVerifier; issuer: LocalIssuer | null }> {
  if (!config.auth.enabled) {
    app.log.warn(
      'no identity provider is configured (NTM_AUTH_JWKS_URL + NTM_AUTH_ISSUER, or NTM_AUTH_LOCAL_ISSUER=true): every request except health and docs will be refused with 401',
    );
  }
  if (config.auth.localIssuer) {
    app.log.info({ keyFile: config.auth.localIssuer.keyFile }, 'the built-in issuer is on: local users can log in (for local use and tests only)');
  }
  const issuer = await localIssuerFromConfig(config, db);
  const verifier = createTokenVerifier(config, db, { localIssuer: issuer });
  await app.register(authentication, { verifier, publicRoutes });
  await app.register(authRoutes({ issuer, db, loginRateLimit: config.auth.loginRateLimitPerMinute, loginRateLimitPerIp: config.auth.loginRateLimitPerIpPerMinute }));
  return { verifier, issuer };
}
