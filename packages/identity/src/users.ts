import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalUsersFile, Username, type UserGrant } from '@ntm/contracts';
import type { Db, Prisma } from '@ntm/db';
import { seedUsersDir } from '@ntm/db/seed';
import { hashPassword } from './passwords.js';

export interface LocalUserInput {
  username: string;
  displayName: string;
  /** Set (hashed) when given; an existing user's password is kept otherwise. */
  password?: string;
  /** The `sub` of the external identity provider; null clears it, left out keeps it (null for a new user). */
  oidcSubject?: string | null;
  /** Left out keeps it (false for a new user). Disabling also revokes the user's refresh tokens. */
  disabled?: boolean;
  grants: readonly UserGrant[];
}

/**
 * Creates or updates a user by username: display name, password (if given), OIDC subject and
 * disabled flag (if given) and grants, which replace the user's previous grants. Disabling a user
 * deletes their refresh tokens, so they cannot refresh (access tokens are refused at the next
 * request, as verification checks `disabled`). Returns the user's id.
 *
 * Given the client, it runs in a transaction of its own; given a transaction, it writes inside it,
 * so the caller can commit the change together with its audit event.
 */
export async function upsertLocalUser(db: Db | Prisma.TransactionClient, input: LocalUserInput): Promise<string> {
  const username = Username.parse(input.username);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const grants = input.grants.map(({ role, unitCode, departmentCode }) => ({ role, unitCode, departmentCode }));
  const { displayName, oidcSubject, disabled } = input;
  const write = async (tx: Prisma.TransactionClient) => {
    const user = await tx.user.upsert({
      where: { username },
      create: { username, displayName, passwordHash: passwordHash ?? null, oidcSubject: oidcSubject ?? null, disabled: disabled ?? false },
      update: {
        displayName,
        ...(passwordHash === undefined ? {} : { passwordHash }),
        ...(oidcSubject === undefined ? {} : { oidcSubject }),
        ...(disabled === undefined ? {} : { disabled }),
      },
      select: { id: true },
    });
    await tx.roleGrant.deleteMany({ where: { userId: user.id } });
    await tx.roleGrant.createMany({ data: grants.map((g) => ({ ...g, userId: user.id })) });
    if (disabled === true) await tx.refreshToken.deleteMany({ where: { userId: user.id } });
    return user.id;
  };
  return '$transaction' in db ? db.$transaction(write) : write(db);
}

/** Reads and checks every users file of a folder (packages/db/seed/users by default), in file-name order. */
export function readLocalUsersFiles(dir = seedUsersDir): Array<{ file: string; content: LocalUsersFile }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = LocalUsersFile.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) {
        throw new Error(`seed users file ${file} is invalid:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
      }
      return { file, content: parsed.data };
    });
}

/**
 * Creates the seeded local users that do not exist yet, all with `password` (NTM_AUTH_SEED_PASSWORD,
 * a local-only password: the files never hold one). Existing users are left as they are, so
 * changes made through the system survive restarts. Returns the usernames created.
 */
export async function seedLocalUsers(db: Db, options: { password: string; dir?: string }): Promise<string[]> {
  const created: string[] = [];
  for (const { content } of readLocalUsersFiles(options.dir)) {
    for (const user of content.users) {
      if (await db.user.findUnique({ where: { username: user.username }, select: { id: true } })) continue;
      await upsertLocalUser(db, { ...user, password: options.password });
      created.push(user.username);
    }
  }
  return created;
}
