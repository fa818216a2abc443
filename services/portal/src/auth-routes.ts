import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '@ntm/http';
import type { SessionAccess, SessionOptions } from './access.js';
import { nowSeconds } from './access.js';
import { clearSession, readSession, sessionFromTokens, writeSession, type TokenSet } from './session.js';
import type { OidcClient } from './oidc-client.js';
import { revokeQuietly } from './oidc-routes.js';
import { callJson, type UpstreamAnswer } from './upstream.js';

const Login = z.strictObject({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) });

/** An API's problem answer passed on as it is (Vietnamese title and detail included). */
function passOn(reply: FastifyReply, answer: UpstreamAnswer) {
  return reply.status(answer.status).type(String(answer.headers['content-type'] ?? 'application/problem+json')).send(answer.body);
}

/** What the sign-in page may offer: the province's provider's button (its label) when one is configured. */
export interface PublicAuthConfig {
  oidc: { label: string; start: string } | null;
}

/**
 * The portal's own session routes: sign in (the token pair goes into the httpOnly cookie, never
 * to page scripts), who is signed in, and sign out (the refresh token is revoked on its issuer;
 * a provider's session answers the provider's end-session address for the browser to visit).
 */
export function authRoutes(options: SessionOptions, accessToken: SessionAccess, provider: { client: OidcClient; label: string } | null = null): FastifyPluginAsync {
  return async (app) => {
    app.get('/auth/config', async (_request, reply) => {
      const config: PublicAuthConfig = { oidc: provider === null ? null : { label: provider.label, start: '/auth/oidc/start' } };
      return reply.header('cache-control', 'no-cache').send(config);
    });

    app.post('/auth/login', async (request, reply) => {
      const parsed = Login.safeParse(request.body);
      if (!parsed.success) throw new HttpProblem('validation', 'Nhập tên đăng nhập và mật khẩu.');
      const login = await callJson(options.dossierApiUrl, 'POST', '/auth/login', { body: parsed.data, requestId: request.id });
      if (login.status !== 200) return passOn(reply, login);
      const tokens = login.body as TokenSet;
      const now = nowSeconds();
      writeSession(reply, sessionFromTokens(tokens, now), options.secureCookie, now);
      const me = await callJson(options.dossierApiUrl, 'GET', '/auth/me', { bearer: tokens.accessToken, requestId: request.id });
      return passOn(reply, me);
    });

    app.get('/auth/session', async (request, reply) => {
      const token = await accessToken(request, reply);
      if (token === null) throw new HttpProblem('unauthorized', 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
      const me = await callJson(options.dossierApiUrl, 'GET', '/auth/me', { bearer: token, requestId: request.id });
      if (me.status === 401) clearSession(reply, options.secureCookie);
      void reply.header('cache-control', 'no-store');
      return passOn(reply, me);
    });

    app.post('/auth/logout', async (request, reply) => {
      const session = readSession(request);
      clearSession(reply, options.secureCookie);
      if (session) accessToken.forget(session.r);
      if (session?.o === 1 && provider !== null) {
        await revokeQuietly(provider.client, session.r, request.log);
        const endSession = await provider.client.endSessionUrl().catch(() => null);
        return endSession === null ? reply.status(204).send() : reply.send({ endSession });
      }
      if (session) await callJson(options.dossierApiUrl, 'POST', '/auth/logout', { body: { refreshToken: session.r }, requestId: request.id });
      return reply.status(204).send();
    });
  };
}
