import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The browser's session: the built-in issuer's (or OIDC provider's) token pair, kept in one
 * httpOnly, SameSite=Strict cookie that page scripts cannot read. The portal holds no session
 * state of its own, so any number of portal processes can serve the same people.
 */
export const sessionCookie = 'ntm_session';

export const Session = z.object({
  /** Access token (bearer for the APIs). */
  a: z.string().min(1),
  /** Refresh token (one use; rotated on each refresh); empty when a provider gave none (the session ends with the access token). */
  r: z.string(),
  /** When the access token expires, epoch seconds. */
  e: z.number().int(),
  /** When the refresh token expires, epoch seconds: the session's end unless refreshed. */
  re: z.number().int(),
  /** 1: the province's OIDC provider issued the pair (refreshed and revoked there); absent: the built-in issuer. */
  o: z.literal(1).optional(),
});
export type Session = z.infer<typeof Session>;

export interface TokenSet {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export function sessionFromTokens(tokens: TokenSet, nowSeconds: number, fromProvider = false): Session {
  const session: Session = { a: tokens.accessToken, r: tokens.refreshToken, e: nowSeconds + tokens.expiresIn, re: nowSeconds + tokens.refreshExpiresIn };
  return fromProvider ? { ...session, o: 1 } : session;
}

export function readSession(request: FastifyRequest): Session | null {
  const raw = request.cookies[sessionCookie];
  if (raw === undefined) return null;
  try {
    const parsed = Session.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSession(reply: FastifyReply, session: Session, secure: boolean, nowSeconds: number): void {
  void reply.setCookie(sessionCookie, Buffer.from(JSON.stringify(session)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: Math.max(0, session.re - nowSeconds),
  });
}

export function clearSession(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** How long before its expiry an access token is renewed, so it never expires in flight. */
const renewMarginSeconds = 60;

export function needsRefresh(session: Session, nowSeconds: number): boolean {
  return session.e - renewMarginSeconds <= nowSeconds;
}

/**
 * Refresh tokens are single use and a reuse revokes every session of the user, so two requests
 * of one page that both find the access token stale must not both spend the refresh token. In
 * one process the second waits for the first and gets the same new pair; the answer is kept a
 * minute for requests still carrying the old cookie. (Behind several portal processes, route a
 * session to one process or accept that a rare race signs the person out.)
 */
export function createRefresher(refresh: (refreshToken: string) => Promise<TokenSet | null>) {
  const inFlight = new Map<string, { at: number; result: Promise<TokenSet | null> }>();
  const keep = 60_000;
  const keyOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('base64url');
  const refreshOnce = (refreshToken: string): Promise<TokenSet | null> => {
    const key = keyOf(refreshToken);
    const now = Date.now();
    for (const [k, v] of inFlight) if (now - v.at > keep) inFlight.delete(k);
    const existing = inFlight.get(key);
    if (existing) return existing.result;
    const result = refresh(refreshToken);
    inFlight.set(key, { at: now, result });
    return result;
  };
  /** Signing out: the kept answer must not renew a copy of the old cookie. */
  const forget = (refreshToken: string) => void inFlight.delete(keyOf(refreshToken));
  return Object.assign(refreshOnce, { forget });
}
