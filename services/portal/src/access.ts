import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '@ntm/http';
import type { OidcClient } from './oidc-client.js';
import { signInErrors } from './sign-in-errors.js';
import { callJson } from './upstream.js';
import { clearSession, createRefresher, needsRefresh, readSession, sessionFromTokens, writeSession, type TokenSet } from './session.js';

export interface SessionOptions {
  /** The dossier API, which runs the built-in issuer's /auth routes. */
  dossierApiUrl: string;
  secureCookie: boolean;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Gives the request's access token, renewing the pair through its issuer's refresh (the built-in
 * issuer's, or the province's provider's) when it is about to expire (the new pair goes back in
 * the cookie), or null when there is no live session.
 */
export function createSessionAccess(options: SessionOptions, provider: OidcClient | null = null) {
  const refreshLocal = createRefresher(async (refreshToken) => {
    const answer = await callJson(options.dossierApiUrl, 'POST', '/auth/refresh', { body: { refreshToken } });
    return answer.status === 200 ? (answer.body as TokenSet) : null;
  });
  const refreshAtProvider = createRefresher(async (refreshToken) => {
    if (provider === null) return null;
    try {
      return await provider.refresh(refreshToken);
    } catch {
      // The provider is out of reach: the person stays signed in and may try again.
      throw new HttpProblem('unavailable', signInErrors['mat-ket-noi']);
    }
  });

  const accessToken = async (request: FastifyRequest, reply: FastifyReply): Promise<string | null> => {
    const session = readSession(request);
    const now = nowSeconds();
    if (!session || session.re <= now) {
      if (session) clearSession(reply, options.secureCookie);
      return null;
    }
    if (!needsRefresh(session, now) || session.r === '') return session.a;
    const fromProvider = session.o === 1;
    const tokens = await (fromProvider ? refreshAtProvider : refreshLocal)(session.r);
    if (!tokens) {
      clearSession(reply, options.secureCookie);
      return null;
    }
    writeSession(reply, sessionFromTokens(tokens, now, fromProvider), options.secureCookie, now);
    return tokens.accessToken;
  };
  /** At sign-out: a renewal kept for concurrent requests must not outlive the session. */
  const forget = (refreshToken: string) => {
    refreshLocal.forget(refreshToken);
    refreshAtProvider.forget(refreshToken);
  };
  return Object.assign(accessToken, { forget });
}

export type SessionAccess = ReturnType<typeof createSessionAccess>;

export { nowSeconds };
