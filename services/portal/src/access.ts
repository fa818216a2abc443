import type { FastifyReply, FastifyRequest } from 'fastify';
import { callJson } from './upstream.js';
import { clearSession, createRefresher, needsRefresh, readSession, sessionFromTokens, writeSession, type TokenSet } from './session.js';

export interface SessionOptions {
  /** The dossier API, which runs the built-in issuer's /auth routes. */
  dossierApiUrl: string;
  secureCookie: boolean;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Gives the request's access token, renewing the pair through the issuer's refresh when it is
 * about to expire (the new pair goes back in the cookie), or null when there is no live session.
 */
export function createSessionAccess(options: SessionOptions) {
  const refresh = createRefresher(async (refreshToken) => {
    const answer = await callJson(options.dossierApiUrl, 'POST', '/auth/refresh', { body: { refreshToken } });
    return answer.status === 200 ? (answer.body as TokenSet) : null;
  });

  return async function accessToken(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const session = readSession(request);
    const now = nowSeconds();
    if (!session || session.re <= now) {
      if (session) clearSession(reply, options.secureCookie);
      return null;
    }
    if (!needsRefresh(session, now)) return session.a;
    const tokens = await refresh(session.r);
    if (!tokens) {
      clearSession(reply, options.secureCookie);
      return null;
    }
    writeSession(reply, sessionFromTokens(tokens, now), options.secureCookie, now);
    return tokens.accessToken;
  };
}

export type SessionAccess = ReturnType<typeof createSessionAccess>;

export { nowSeconds };
