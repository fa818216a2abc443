import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions, type KeyObject, type CryptoKey } from 'jose';
import type { Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { loadActor, type Actor } from './actor.js';
import { AuthenticationError } from './errors.js';
import { accessTokenType, loadOrCreateSigningKey, signingAlgorithm, type LocalIssuer } from './local-issuer.js';

export type { Actor } from './actor.js';

/** Turns an Authorization header into the actor, or throws AuthenticationError. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Actor>;

/** Signature algorithms accepted from an external identity provider: asymmetric ones only. */
const externalAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

export interface TokenVerifierOptions {
  /** The running built-in issuer, whose key then needs no second read. */
  localIssuer?: LocalIssuer | null;
  /** The external issuer's keys; by default fetched (and cached) from NTM_AUTH_JWKS_URL. */
  externalKeys?: JWTVerifyGetKey;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * Verifies bearer tokens from the built-in issuer (iss = its own name, checked with its Ed25519
 * key) and from an external OIDC provider (iss = NTM_AUTH_ISSUER, checked against the keys at
 * NTM_AUTH_JWKS_URL). Both must carry aud = NTM_AUTH_AUDIENCE and an unexpired exp. The token's
 * `sub` names the user: our user id for the built-in issuer, `users.oidc_subject` for the external
 * one. Unknown or disabled users are refused; grants always come from role_grants, never from the
 * token, so a province's provider proves who someone is and this system decides what they may do.
 */
export function createTokenVerifier(config: Config, db: Db, options: TokenVerifierOptions = {}): TokenVerifier {
  const { audience, external, localIssuer: local } = config.auth;
  const now = options.now ?? (() => new Date());

  let localKey: Promise<CryptoKey | KeyObject> | undefined;
  const localPublicKey = () => {
    localKey ??= options.localIssuer ? Promise.resolve(options.localIssuer.key.publicKey) : loadOrCreateSigningKey(local?.keyFile ?? '').then((k) => k.publicKey);
    return localKey;
  };
  const externalKeys = external ? (options.externalKeys ?? createRemoteJWKSet(new URL(external.jwksUrl), { timeoutDuration: 5000 })) : undefined;

  async function verifyLocal(token: string, issuer: string) {
    const checks: JWTVerifyOptions = { algorithms: [signingAlgorithm], typ: accessTokenType, issuer, audience, currentDate: now(), requiredClaims: ['sub', 'exp'] };
    return jwtVerify(token, await localPublicKey(), checks);
  }

  async function verifyExternal(token: string, issuer: string, keys: JWTVerifyGetKey) {
    // Some clock skew between the provider and us is normal.
    const checks: JWTVerifyOptions = { algorithms: externalAlgorithms, issuer, audience, currentDate: now(), clockTolerance: 30, requiredClaims: ['sub', 'exp'] };
    try {
      return await jwtVerify(token, keys, checks);
    } catch (e) {
      if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || !(e instanceof errors.JOSEError)) {
        throw new HttpProblem('unavailable', 'Không lấy được khóa của nhà cung cấp định danh; vui lòng thử lại sau.');
      }
      throw e;
    }
  }

  // A token whose signature was checked once is not checked again (about a tenth of a read's CPU):
  // its signature cannot change. Its expiry is checked on every use, its user and grants read anew.
  const verified = new Map<string, { by: { id: string } | { oidcSubject: string }; expiresAtMs: number }>();
  const maxVerified = 10_000;

  return async (authorization) => {
    if (!config.auth.enabled) throw new AuthenticationError('not-configured');
    if (authorization === undefined || authorization.trim() === '') throw new AuthenticationError('missing-token');
    const token = bearer.exec(authorization)?.[1];
    if (token === undefined) throw new AuthenticationError('malformed-token');
    const known = verified.get(token);
    if (known) {
      if (now().getTime() < known.expiresAtMs) return loadActor(db, known.by);
      verified.delete(token);
      throw new AuthenticationError('expired-token');
    }

    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new AuthenticationError('malformed-token');
    }

    let subject: string;
    let expiry: number;
    let source: 'local' | 'external';
    try {
      if (local && iss === local.issuer) {
        ({ sub: subject = '', exp: expiry = 0 } = (await verifyLocal(token, local.issuer)).payload);
        source = 'local';
      } else if (external && externalKeys && iss === external.issuer) {
        ({ sub: subject = '', exp: expiry = 0 } = (await verifyExternal(token, external.issuer, externalKeys)).payload);
        source = 'external';
      } else {
        throw new AuthenticationError('unknown-issuer');
      }
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new AuthenticationError('expired-token');
      if (e instanceof errors.JOSEError) throw new AuthenticationError('invalid-token');
      throw e;
    }
    const by = source === 'local' ? { id: subject } : { oidcSubject: subject };
    if (verified.size >= maxVerified) verified.clear();
    verified.set(token, { by, expiresAtMs: (expiry + (source === 'external' ? 30 : 0)) * 1000 });
    return loadActor(db, by);
  };
}
