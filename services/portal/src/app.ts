import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '@ntm/config';
import { createHttpApp, HttpProblem } from '@ntm/http';
import { createSessionAccess } from './access.js';
import { authRoutes } from './auth-routes.js';
import { forwardRoutes } from './forward.js';
import { createOidcClient } from './oidc-client.js';
import { createPendingSignIns } from './oidc-flows.js';
import { oidcRoutes } from './oidc-routes.js';

/** Where `vite build` writes the web application. */
export const defaultWebRoot = resolve(import.meta.dirname, '..', 'web', 'dist');

export interface PortalDeps {
  config: Config;
  /** The built web application (index.html and assets/); defaultWebRoot unless a test says otherwise. */
  webRoot?: string;
}

const unsafeMethods = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** The portal: the built web application, its session routes and /api/... forwarded to the APIs. */
export async function buildPortal({ config, webRoot = defaultWebRoot }: PortalDeps, options: FastifyServerOptions = {}) {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`The web application is not built (${webRoot}/index.html is missing): run pnpm --filter @ntm/portal build`);
  }
  const app = createHttpApp({ bodyLimit: 64 * 1024, ...options });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Evidence (PDF, images) and the decision preview are shown inside the page.
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'sameorigin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);

  // The cookie is SameSite=Strict; an Origin from elsewhere is refused as well, whatever the browser.
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (!unsafeMethods.has(request.method) || origin === undefined) return;
    if (origin !== `${request.protocol}://${request.host}`) throw new HttpProblem('forbidden', 'Yêu cầu từ trang khác bị từ chối.');
  });

  app.get('/health', async () => ({ status: 'ok', service: 'portal' }));

  const session = { dossierApiUrl: config.portal.dossierApiUrl, secureCookie: config.portal.secureCookie };
  const oidc = config.portal.oidc;
  const provider = oidc === null ? null : createOidcClient(oidc);
  const accessToken = createSessionAccess(session, provider);
  await app.register(authRoutes(session, accessToken, oidc === null || provider === null ? null : { client: provider, label: oidc.label }));
  if (provider !== null) await app.register(oidcRoutes({ options: session, provider, pending: createPendingSignIns() }));
  await app.register(
    forwardRoutes(
      [
        { prefix: 'dossier', baseUrl: config.portal.dossierApiUrl, publicPrefix: '/public/' },
        { prefix: 'evidence', baseUrl: config.portal.evidenceApiUrl },
      ],
      accessToken,
    ),
  );

  // Hashed file names: cached for good. preCompressed: vite build writes .gz and .br beside each asset.
  await app.register(fastifyStatic, {
    root: join(webRoot, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    index: false,
    immutable: true,
    maxAge: '365d',
  });
  // Every other GET is a page of the application: index.html, and the router decides.
  app.get('/*', async (request, reply) => {
    if (/^\/(api|auth|assets)\//.test(request.url)) throw new HttpProblem('notFound', 'Không có địa chỉ này.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot, { cacheControl: false });
  });
  return app;
}
