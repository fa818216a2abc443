import { z } from 'zod';
import { roles } from '@ntm/domain';
import { Pagination } from './catalog-api.js';

/** The roles a user may be granted: packages/domain's authorization rules define them. */
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** One role a user holds, scoped to a unit and, for department officers, a department. */
export const UserGrant = z
  .object({
    role: Role,
    unitCode: z.string().min(1).nullable(),
    departmentCode: z.string().min(1).nullable(),
  })
  .meta({ id: 'UserGrant' });
export type UserGrant = z.infer<typeof UserGrant>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9._@-]+$/, 'chỉ gồm chữ không dấu, số và các ký tự . _ @ -');

/** A user as administrators see them; never their password hash. */
export const UserAccount = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    /** The `sub` of the province's identity provider that signs in as this user. */
    oidcSubject: z.string().nullable(),
    disabled: z.boolean(),
    /** Whether a password of the built-in issuer is set. */
    hasPassword: z.boolean(),
    createdAt: z.string(),
    grants: z.array(UserGrant),
  })
  .meta({ id: 'UserAccount' });
export type UserAccount = z.infer<typeof UserAccount>;

/**
 * Creates or updates a user. The grants replace the previous ones. oidcSubject, disabled and
 * password keep their current value when left out (a new user: null, false and no password).
 */
export const UserAccountPut = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200),
    oidcSubject: z.string().min(1).max(255).nullable().optional().describe('`sub` của người này ở nhà cung cấp định danh của tỉnh; null để bỏ liên kết'),
    disabled: z.boolean().optional().describe('true: khóa tài khoản (thu hồi cả refresh token)'),
    password: z.string().min(8).max(1024).optional().describe('chỉ khi bật bộ cấp phát tích hợp (NTM_AUTH_LOCAL_ISSUER)'),
    grants: z.array(UserGrant).max(100),
  })
  .meta({
    id: 'UserAccountPut',
    examples: [{ displayName: 'Công chức UBND xã Pha Mu', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] }],
  });
export type UserAccountPut = z.infer<typeof UserAccountPut>;

export const UserAccountQuery = Pagination.extend({
  q: z.string().trim().min(1).max(100).optional().describe('tìm trong tên đăng nhập và họ tên'),
  role: Role.optional().describe('chỉ người dùng có vai trò này'),
});
export type UserAccountQuery = z.infer<typeof UserAccountQuery>;

export const LoginRequest = z
  .strictObject({
    username: Username,
    password: z.string().min(1).max(1024),
  })
  .meta({ examples: [{ username: 'xa.phamu', password: 'ntm-local-only' }] });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z
  .strictObject({
    refreshToken: z.string().min(1).max(4096),
  })
  .meta({ examples: [{ refreshToken: 'Zq3n8XvT0bYk2cM5rP7wL1sD4fH6jA9e.b6f0c2d4-1a3e-4f5b-8c7d-9e0f1a2b3c4d' }] });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** What login and refresh answer: a short-lived access token and a one-use refresh token. */
export const TokenResponse = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    /** Seconds until the refresh token expires; it can be used once. */
    refreshExpiresIn: z.number().int(),
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof TokenResponse>;

/** The signed-in user and the roles the system gives them. */
export const CurrentUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(UserGrant),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

/** A public JSON Web Key Set (RFC 7517). */
export const JsonWebKeySet = z
  .object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional() })) })
  .meta({ id: 'JsonWebKeySet' });
export type JsonWebKeySet = z.infer<typeof JsonWebKeySet>;

/**
 * A file of local users for the built-in issuer (packages/db/seed/users). It never holds passwords:
 * seeded users get the local-only NTM_AUTH_SEED_PASSWORD.
 */
export const LocalUsersFile = z.object({
  format: z.literal('ntm-users/1'),
  notes: z.array(z.string()).default([]),
  users: z
    .array(
      z.object({
        username: Username,
        displayName: z.string().min(1),
        grants: z.array(UserGrant),
      }),
    )
    .min(1),
});
export type LocalUsersFile = z.infer<typeof LocalUsersFile>;
