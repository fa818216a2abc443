import { z } from 'zod';

/** The roles a user may be granted (same list as packages/domain's authorization rules). */
export const Role = z.enum([
  'commune_officer',
  'village_head',
  'department_officer',
  'district_officer',
  'provincial_office',
  'system_admin',
  'auditor',
]);
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

export const LoginRequest = z.object({
  username: Username,
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.object({
  refreshToken: z.string().min(1).max(4096),
});
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
