import { preparedStatement, queryPrepared, type Db } from '@ntm/db';
import { isRole, type Actor as DomainActor, type Grant } from '@ntm/domain';
import { AuthenticationError } from './errors.js';
import { isUuid } from './local-issuer.js';

/** The signed-in user: who the token names, with the roles our own records give them. */
export interface Actor extends DomainActor {
  username: string;
  displayName: string;
}

type GrantRow = { role: string; unitCode: string | null; departmentCode: string | null };
type UserRow = { id: string; username: string; display_name: string; disabled: boolean; grants: GrantRow[] };

// Grants in the order they were stored (their physical order, as the earlier per-table read gave them).
const userWithGrants = (where: string) => `
  SELECT u.id::text AS id, u.username, u.display_name, u.disabled,
         coalesce(json_agg(json_build_object('role', g.role, 'unitCode', g.unit_code, 'departmentCode', g.department_code) ORDER BY g.ctid) FILTER (WHERE g.id IS NOT NULL), '[]'::json) AS grants
    FROM users u LEFT JOIN role_grants g ON g.user_id = u.id
   WHERE ${where}
   GROUP BY u.id`;
const byId = preparedStatement<UserRow>('identity.actor-by-id', userWithGrants('u.id = $1::uuid'));
const byOidcSubject = preparedStatement<UserRow>('identity.actor-by-oidc-subject', userWithGrants('u.oidc_subject = $1'));

/**
 * The user a verified token names, with their grants; unknown and disabled users are refused. One
 * prepared statement (the user joined to their grants), run on every request: grants always come
 * from role_grants as they are now, so a revoked grant stops working at the next request.
 */
export async function loadActor(db: Db, by: { id: string } | { oidcSubject: string }): Promise<Actor> {
  if ('id' in by && !isUuid(by.id)) throw new AuthenticationError('unknown-user');
  if ('oidcSubject' in by && by.oidcSubject === '') throw new AuthenticationError('unknown-user');
  const [user] = 'id' in by ? await queryPrepared(db, byId, [by.id]) : await queryPrepared(db, byOidcSubject, [by.oidcSubject]);
  if (!user) throw new AuthenticationError('unknown-user');
  if (user.disabled) throw new AuthenticationError('disabled-user');
  return { id: user.id, username: user.username, displayName: user.display_name, grants: toGrants(user.grants) };
}

/** Stored grants with a role this version knows; anything else grants nothing. */
export function toGrants(rows: ReadonlyArray<GrantRow>): Grant[] {
  return rows.flatMap(({ role, unitCode, departmentCode }) => (isRole(role) ? [{ role, unitCode, departmentCode }] : []));
}
