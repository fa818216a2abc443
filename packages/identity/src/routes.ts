import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { CurrentUser, JsonWebKeySet, LoginRequest, Problem, RefreshRequest, TokenResponse } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { AuthenticationError } from './errors.js';
import type { LocalIssuer, TokenSet } from './local-issuer.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import type { Actor } from './verify.js';

export interface AuthRoutesOptions {
  /** The built-in issuer; without it only GET /auth/me is served (tokens then come from elsewhere). */
  issuer: LocalIssuer | null;
  db: Db;
  /** Login (and refresh) attempts per client IP and username per minute. */
  loginRateLimit: number;
  /** Login (and refresh) attempts per client IP per minute, whatever the usernames: against password spraying. */
  loginRateLimitPerIp: number;
}

const tags = ['auth'];
const problems = { 400: Problem, 401: Problem, 429: Problem };

function tokenResponse(tokens: TokenSet): TokenResponse {
  return { tokenType: 'Bearer', ...tokens };
}

/** What a refresh token is limited by: the user it names (unverified here, checked by the issuer). */
function refreshSubject(token: string): string {
  try {
    return decodeJwt(token).sub ?? '?';
  } catch {
    return '?';
  }
}

function unauthorized(e: unknown): never {
  if (e instanceof AuthenticationError) throw new HttpProblem('unauthorized', e.message);
  throw e;
}

function currentUser(actor: Actor): CurrentUser {
  return { id: actor.id, username: actor.username, displayName: actor.displayName, grants: actor.grants.map((g) => ({ ...g })) };
}

/**
 * POST /auth/login, POST /auth/refresh and GET /auth/jwks.json (the built-in issuer, when it is on)
 * and GET /auth/me (the signed-in user). Login and refresh are limited to `loginRateLimit` attempts
 * per minute per client IP and username (refresh: per the user the token names) and to
 * `loginRateLimitPerIp` per client IP whatever the usernames, answered 429 with
 * Retry-After beyond that; the limit is kept in this process's memory.
 */
export function authRoutes({ issuer, db, loginRateLimit, loginRateLimitPerIp }: AuthRoutesOptions): FastifyPluginAsyncZod {
  return async (app) => {
    // Kept inside this plugin: it limits only the routes below and no other route of the service.
    await app.register(rateLimit, {
      global: false,
      // After body validation, so the key can name the username.
      hook: 'preHandler',
      errorResponseBuilder: (_request, context) =>
        new HttpProblem('rateLimited', `Thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ${Math.max(1, Math.ceil(context.ttl / 1000))} giây.`),
    });
    const limit = (key: (request: FastifyRequest) => string) => ({ rateLimit: { max: loginRateLimit, timeWindow: 60_000, keyGenerator: key } });
    const checkIp = app.createRateLimit({ max: loginRateLimitPerIp, timeWindow: 60_000, keyGenerator: (r) => `${r.ip}|sign-in` });
    /** The second, wider limit: one IP trying many usernames. */
    const limitPerIp = async (request: FastifyRequest, reply: { header(name: string, value: string): unknown }) => {
      const check = await checkIp(request);
      if (!check.isAllowed && check.isExceeded) {
        reply.header('retry-after', String(check.ttlInSeconds));
        throw new HttpProblem('rateLimited', `Có quá nhiều lần thử đăng nhập từ địa chỉ này. Vui lòng thử lại sau ${check.ttlInSeconds} giây.`);
      }
    };

    app.get(
      '/auth/me',
      {
        schema: {
          operationId: 'currentUser',
          description: 'Trả về tài khoản của mã truy cập đang dùng: tên đăng nhập, họ tên và các quyền (vai trò theo đơn vị, sở/phòng). Cần mã truy cập hợp lệ.',
          tags,
          summary: 'Người dùng đang đăng nhập và các vai trò được cấp',
          response: { 200: CurrentUser, 401: Problem },
        },
      },
      async (request) => {
        if (!request.actor) throw new HttpProblem('unauthorized');
        return currentUser(request.actor);
      },
    );

    if (!issuer) return;

    // Unknown users are checked against this hash too, so they take as long as a wrong password.
    const dummyHash = hashPassword(randomBytes(16).toString('base64url'));

    app.post(
      '/auth/login',
      {
        config: { public: true, ...limit((r) => `${r.ip}|login|${(r.body as LoginRequest).username}`) },
        preHandler: limitPerIp,
        schema: {
          operationId: 'login',
          description: `Trả về mã truy cập (ngắn hạn) và mã làm mới (dùng một lần). Sai tên hoặc mật khẩu đều trả 401 như nhau. Giới hạn: ${loginRateLimit} lần thử mỗi phút cho mỗi tên người dùng từ một địa chỉ IP, ${loginRateLimitPerIp} lần mỗi phút cho mỗi địa chỉ IP; vượt quá: 429 kèm Retry-After.`,
          tags,
          summary: 'Đăng nhập bằng tên người dùng và mật khẩu (bộ cấp phát tích hợp, dùng khi chạy cục bộ và kiểm thử)',
          security: [],
          body: LoginRequest,
          response: { 200: TokenResponse, ...problems },
        },
      },
      async (request) => {
        const { username, password } = request.body;
        const user = await db.user.findUnique({ where: { username }, select: { id: true, passwordHash: true, disabled: true } });
        const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
        if (!user || user.passwordHash === null || user.disabled || !passwordOk) {
          request.log.info({ username, reason: user ? (user.disabled ? 'disabled' : 'wrong password') : 'unknown user' }, 'login refused');
          throw new HttpProblem('unauthorized', new AuthenticationError('wrong-credentials').message);
        }
        if (needsRehash(user.passwordHash)) {
          await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
        }
        return tokenResponse(await issuer.issueTokens(user));
      },
    );

    app.post(
      '/auth/refresh',
      {
        config: { public: true, ...limit((r) => `${r.ip}|refresh|${refreshSubject((r.body as RefreshRequest).refreshToken)}`) },
        preHandler: limitPerIp,
        schema: {
          operationId: 'refreshToken',
          description: `Mã làm mới chỉ dùng được một lần; dùng lại mã đã dùng trả 401. Giới hạn: ${loginRateLimit} lần mỗi phút cho mỗi mã từ một địa chỉ IP, ${loginRateLimitPerIp} lần mỗi phút cho mỗi địa chỉ IP (cùng với đăng nhập); vượt quá: 429 kèm Retry-After.`,
          tags,
          summary: 'Đổi mã làm mới (một lần) lấy cặp mã mới',
          security: [],
          body: RefreshRequest,
          response: { 200: TokenResponse, ...problems },
        },
      },
      async (request) => tokenResponse(await issuer.refresh(request.body.refreshToken).catch(unauthorized)),
    );

    app.post(
      '/auth/logout',
      {
        config: { public: true },
        preHandler: limitPerIp,
        schema: {
          operationId: 'logout',
          description: 'Thu hồi mã làm mới: phiên đăng nhập kết thúc trên máy chủ, mã không đổi được nữa. Mã không hợp lệ, đã hết hạn hoặc đã thu hồi cũng trả 204. Mã truy cập đã cấp còn hiệu lực đến khi hết hạn (ngắn hạn).',
          tags,
          summary: 'Đăng xuất: thu hồi mã làm mới',
          security: [],
          body: RefreshRequest,
          response: { 204: z.null(), 400: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        await issuer.revoke(request.body.refreshToken);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/jwks.json',
      {
        config: { public: true },
        schema: {
          operationId: 'localIssuerKeys',
          description: 'Bộ khóa công khai (RFC 7517) để kiểm tra chữ ký mã truy cập do bộ cấp phát tích hợp phát hành. Không cần đăng nhập.',
          tags,
          summary: 'Khóa công khai của bộ cấp phát tích hợp (JWKS)',
          security: [],
          response: { 200: JsonWebKeySet },
        },
      },
      async (_request, reply) => {
        void reply.header('cache-control', 'public, max-age=300');
        return issuer.publicJwks();
      },
    );
  };
}
