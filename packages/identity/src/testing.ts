import type { Config } from '@ntm/config';
import type { UserGrant } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { localIssuerFromConfig } from './local-issuer.js';
import { upsertLocalUser } from './users.js';

/** A user of the built-in issuer that a test acts as. */
export interface TestUser {
  username: string;
  grants: UserGrant[];
}

/**
 * For tests: creates (or updates) the user with exactly these grants and answers an Authorization
 * header with a real access token of the built-in issuer, as a login would give.
 */
export async function signInAs(db: Db, config: Config, user: TestUser): Promise<string> {
  const issuer = await localIssuerFromConfig(config, db);
  if (!issuer) throw new Error('signInAs needs the built-in issuer (NTM_AUTH_LOCAL_ISSUER=true; the test stack turns it on)');
  const id = await upsertLocalUser(db, { username: user.username, displayName: user.username, grants: user.grants });
  return `Bearer ${(await issuer.issueTokens({ id })).accessToken}`;
}
