import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { localIssuerId, type Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { AuthenticationError } from './errors.js';

export const signingAlgorithm = 'EdDSA';
/** RFC 9068's type for access tokens: a refresh token (other type) is never taken for one. */
export const accessTokenType = 'at+jwt';
const refreshTokenType = 'ntm-refresh+jwt';

export type PublicJwk = JWK & { kty: string; kid: string };

export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWK, with its RFC 7638 thumbprint as `kid`. */
  publicJwk: PublicJwk;
}

/**
 * Reads the issuer's Ed25519 private key (PKCS8 PEM), creating it with mode 0600 (its folder 0700)
 * when the file does not exist. Creation is atomic: two services starting together on the same
 * state folder end up with the same key, whichever wrote it first.
 */
export async function loadOrCreateSigningKey(keyFile: string): Promise<SigningKey> {
  let pem = await readFile(keyFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (pem === undefined) {
    const { privateKey } = await generateKeyPair(signingAlgorithm, { crv: 'Ed25519', extractable: true });
    await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
    const draft = `${keyFile}.${randomUUID()}.tmp`;
    await writeFile(draft, await exportPKCS8(privateKey), { mode: 0o600, flag: 'wx' });
    try {
      // link() fails if the key already exists, so a key another process wrote first is kept.
      await link(draft, keyFile).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    } finally {
      await unlink(draft);
    }
    pem = await readFile(keyFile, 'utf8');
  }
  return signingKeyFromPem(pem, keyFile);
}

async function signingKeyFromPem(pem: string, source: string): Promise<SigningKey> {
  let privateKey: CryptoKey;
  try {
    privateKey = await importPKCS8(pem, signingAlgorithm, { extractable: true });
  } catch (e) {
    throw new Error(`${source} is not an Ed25519 private key in PKCS8 PEM: ${(e as Error).message}`);
  }
  const { kty, crv, x } = await exportJWK(privateKey);
  if (kty !== 'OKP' || crv !== 'Ed25519' || x === undefined) throw new Error(`${source} is not an Ed25519 private key (found ${kty} ${crv ?? ''})`);
  const bare: JWK = { kty, crv, x };
  const publicJwk: PublicJwk = { ...bare, kty, kid: await calculateJwkThumbprint(bare), alg: signingAlgorithm, use: 'sig' };
  const publicKey = (await importJWK(publicJwk, signingAlgorithm)) as CryptoKey;
  return { privateKey, publicKey, publicJwk };
}

export interface TokenSet {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds the refresh token lives; it can be used once. */
  refreshExpiresIn: number;
}

export interface LocalIssuerOptions {
  db: Db;
  key: SigningKey;
  audience: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** The `iss` written into tokens; localIssuerId unless a test wants another. */
  issuer?: string;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * The built-in issuer: signs access tokens for local users and rotates their refresh tokens.
 * For local use and tests; a province plugs in its own identity provider through
 * NTM_AUTH_ISSUER + NTM_AUTH_JWKS_URL instead.
 */
export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly key: SigningKey;
  /**
   * A new access token (EdDSA JWT: iss, aud, sub = user id, iat, exp, jti) and a new refresh
   * token, a JWT whose jti is a row of refresh_tokens.
   */
  issueTokens(user: { id: string }): Promise<TokenSet>;
  /**
   * Exchanges a refresh token for a new token set; the old one is spent. A refresh token
   * presented a second time is refused and revokes every other refresh token of its user, as one
   * of the two presenters must have stolen it. Throws AuthenticationError.
   */
  refresh(refreshToken: string): Promise<TokenSet>;
  /**
   * Ends a session: the refresh token can no longer be exchanged (its row is deleted). A token that
   * is not ours, expired or already revoked is accepted silently: signing out always succeeds.
   */
  revoke(refreshToken: string): Promise<void>;
  /** The public key set other services verify our tokens with (GET /auth/jwks.json). */
  publicJwks(): { keys: PublicJwk[] };
}

export function createLocalIssuer(options: LocalIssuerOptions): LocalIssuer {
  const { db, key, audience, accessTtlSeconds, refreshTtlSeconds } = options;
  const issuer = options.issuer ?? localIssuerId;
  const now = options.now ?? (() => new Date());
  const { kid } = key.publicJwk;

  async function issueTokens(user: { id: string }): Promise<TokenSet> {
    const issuedAt = now();
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const accessToken = await new SignJWT({})
      .setProtectedHeader({ alg: signingAlgorithm, typ: accessTokenType, kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(user.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + accessTtlSeconds)
      .setJti(randomUUID())
      .sign(key.privateKey);
    const refreshId = randomUUID();
    const expiresAt = new Date((iat + refreshTtlSeconds) * 1000);
    await db.$transaction([
      // Housekeeping: a user's expired refresh tokens are of no use to anyone.
      db.refreshToken.deleteMany({ where: { userId: user.id, expiresAt: { lt: issuedAt } } }),
      db.refreshToken.create({ data: { id: refreshId, userId: user.id, expiresAt } }),
    ]);
    const refreshToken = await new SignJWT({})
      .setProtectedHeader({ alg: signingAlgorithm, typ: refreshTokenType, kid })
      .setIssuer(issuer)
      // Meant for the issuer alone, never for the services.
      .setAudience(issuer)
      .setSubject(user.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + refreshTtlSeconds)
      .setJti(refreshId)
      .sign(key.privateKey);
    return { accessToken, expiresIn: accessTtlSeconds, refreshToken, refreshExpiresIn: refreshTtlSeconds };
  }

  /** The user and row a refresh token of ours names; throws AuthenticationError. */
  async function refreshClaims(refreshToken: string, at: Date): Promise<{ sub: string; jti: string }> {
    let claims: { sub?: string; jti?: string };
    try {
      ({ payload: claims } = await jwtVerify(refreshToken, key.publicKey, {
        algorithms: [signingAlgorithm],
        typ: refreshTokenType,
        issuer,
        audience: issuer,
        currentDate: at,
        requiredClaims: ['sub', 'jti', 'exp'],
      }));
    } catch (e) {
      throw new AuthenticationError(e instanceof errors.JWTExpired ? 'expired-token' : 'invalid-token');
    }
    const { sub, jti } = claims;
    if (sub === undefined || jti === undefined || !isUuid(jti) || !isUuid(sub)) throw new AuthenticationError('invalid-token');
    return { sub, jti };
  }

  async function revoke(refreshToken: string): Promise<void> {
    const claims = await refreshClaims(refreshToken, now()).catch(() => null);
    if (claims) await db.refreshToken.deleteMany({ where: { id: claims.jti, userId: claims.sub } });
  }

  async function refresh(refreshToken: string): Promise<TokenSet> {
    const at = now();
    const { sub, jti } = await refreshClaims(refreshToken, at);

    // Spend the token: of two concurrent uses exactly one updates the row.
    const spent = await db.refreshToken.updateMany({ where: { id: jti, userId: sub, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
    if (spent.count === 0) {
      const row = await db.refreshToken.findUnique({ where: { id: jti }, select: { usedAt: true, userId: true } });
      if (row?.usedAt != null && row.userId === sub) {
        await db.refreshToken.deleteMany({ where: { userId: sub, usedAt: null } });
        throw new AuthenticationError('reused-refresh-token');
      }
      // Revoked (deleted), expired, or never ours.
      throw new AuthenticationError(row ? 'expired-token' : 'invalid-token');
    }
    const user = await db.user.findUnique({ where: { id: sub }, select: { id: true, disabled: true } });
    if (!user) throw new AuthenticationError('unknown-user');
    if (user.disabled) throw new AuthenticationError('disabled-user');
    return issueTokens(user);
  }

  return {
    issuer,
    audience,
    key,
    issueTokens,
    refresh,
    revoke,
    publicJwks: () => ({ keys: [{ ...key.publicJwk }] }),
  };
}

/** The built-in issuer as configured (NTM_AUTH_LOCAL_ISSUER), or null when it is off. */
export async function localIssuerFromConfig(config: Config, db: Db): Promise<LocalIssuer | null> {
  const local = config.auth.localIssuer;
  if (!local) return null;
  return createLocalIssuer({
    db,
    key: await loadOrCreateSigningKey(local.keyFile),
    issuer: local.issuer,
    audience: config.auth.audience,
    accessTtlSeconds: config.auth.accessTtlSeconds,
    refreshTtlSeconds: config.auth.refreshTtlSeconds,
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: anything else would make PostgreSQL raise instead of finding nothing. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
