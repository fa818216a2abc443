import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { SessionOptions } from './access.js';
import { nowSeconds } from './access.js';
import { ProviderRefused, type OidcClient } from './oidc-client.js';
import type { PendingSignIns } from './oidc-flows.js';
import { sessionFromTokens, writeSession } from './session.js';
import type { SignInError } from './sign-in-errors.js';
import { callJson } from './upstream.js';

/** Carries the handle of a pending sign-in, only to the callback. */
export const pendingCookie = 'ntm_oidc';
const callbackPath = '/auth/oidc/callback';

const StartQuery = z.object({ tiep: z.string().max(2000).optional() });
const CallbackQuery = z.object({ state: z.string().optional(), error: z.string().optional() });

/** A page of this origin to land on, never another site (`//host`, `/\host`). */
export function landingPage(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])/.test(next) ? next : '/';
}

export interface OidcRouteDeps {
  options: SessionOptions;
  provider: OidcClient;
  pending: PendingSignIns;
}

/**
 * Sign-in through the province's OIDC provider (authorization code with PKCE): start sends the
 * browser to the provider, the callback checks what comes back, exchanges the code, asks the
 * dossier API who this is (a subject we do not know is refused there) and only then writes the
 * same session cookie as the sign-in form. Every failure lands on the sign-in page with a reason.
 */
export function oidcRoutes({ options, provider, pending }: OidcRouteDeps): FastifyPluginAsync {
  return async (app) => {
    const cookieOptions = { httpOnly: true, secure: options.secureCookie, path: callbackPath } as const;
    const toSignIn = (reply: FastifyReply, code: SignInError) => reply.header('cache-control', 'no-store').redirect(`/dang-nhap?loi=${code}`, 303);

    app.get('/auth/oidc/start', async (request, reply) => {
      const query = StartQuery.safeParse(request.query);
      const flow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        next: landingPage(query.success ? query.data.tiep : undefined),
      };
      let target: URL;
      try {
        target = await provider.authorizationUrl(flow);
      } catch (error) {
        request.log.warn({ err: error }, 'the OIDC provider could not be discovered');
        return toSignIn(reply, 'mat-ket-noi');
      }
      // Lax, not Strict: the provider's redirect back is a navigation from another site.
      void reply.setCookie(pendingCookie, pending.put(flow), { ...cookieOptions, sameSite: 'lax', maxAge: pending.ttlSeconds });
      return reply.header('cache-control', 'no-store').redirect(target.href, 303);
    });

    app.get(callbackPath, async (request, reply) => {
      const flow = pending.take(request.cookies[pendingCookie]);
      void reply.clearCookie(pendingCookie, { ...cookieOptions, sameSite: 'lax' });
      const query = CallbackQuery.safeParse(request.query);
      if (flow === null) return toSignIn(reply, 'het-han');
      if (!query.success || query.data.state !== flow.state) return toSignIn(reply, 'khong-khop');
      if (query.data.error !== undefined) return toSignIn(reply, query.data.error === 'access_denied' ? 'tu-choi' : 'that-bai');

      let tokens;
      try {
        tokens = await provider.exchange(new URL(request.url, 'http://portal').search, flow);
      } catch (error) {
        request.log.warn({ err: error }, 'the OIDC code exchange failed');
        return toSignIn(reply, error instanceof ProviderRefused ? 'that-bai' : 'mat-ket-noi');
      }

      // The APIs say whether this subject is one of ours (users.oidc_subject) and what it may do.
      const me = await callJson(options.dossierApiUrl, 'GET', '/auth/me', { bearer: tokens.accessToken, requestId: request.id }).catch(() => null);
      if (me === null || me.status >= 500) return toSignIn(reply, 'mat-ket-noi');
      if (me.status !== 200) {
        request.log.warn({ status: me.status, answer: me.body }, 'the APIs refused the OIDC provider\'s token');
        await revokeQuietly(provider, tokens.refreshToken, request.log);
        return toSignIn(reply, me.status === 401 || me.status === 403 ? 'chua-cap-quyen' : 'that-bai');
      }
      const now = nowSeconds();
      writeSession(reply, sessionFromTokens(tokens, now, true), options.secureCookie, now);
      return reply.header('cache-control', 'no-store').redirect(flow.next, 303);
    });
  };
}

export async function revokeQuietly(provider: OidcClient, refreshToken: string, log: FastifyBaseLogger): Promise<void> {
  await provider.revoke(refreshToken).catch((error: unknown) => log.warn({ err: error }, 'revoking the OIDC refresh token failed'));
}
