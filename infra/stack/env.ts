/**
 * What the local stack (`./dev`, dev and test profiles) configures explicitly, for the apps it
 * starts and for its own steps, unless the environment already sets it: the built-in issuer, so
 * the seeded local users (packages/db/seed/users) can log in. Never used outside the local stack.
 */
export const stackEnvDefaults = {
  NTM_AUTH_LOCAL_ISSUER: 'true',
} as const satisfies Record<string, string>;

/** The environment with the stack's defaults under it. */
export function withStackDefaults(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return { ...stackEnvDefaults, ...env };
}
