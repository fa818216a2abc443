import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Password hashing for the built-in issuer: Argon2id (RFC 9106), memory-hard so that a stolen
 * `users` table is expensive to crack on GPUs. Parameters are OWASP's recommended minimum for
 * Argon2id: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte output,
 * about 20-50 ms per hash on one core. They are stored in the PHC string with each hash
 * (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so raising them later only needs `needsRehash`.
 */
export const passwordHashParameters = {
  // Algorithm is a const enum, which isolatedModules cannot read at run time: 2 is Argon2id.
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters);
}

/** False for a wrong password and for anything that is not an Argon2 hash; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's (or is unreadable). */
export function needsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    const p = passwordHashParameters;
    return o.algorithm !== p.algorithm || o.memoryCost !== p.memoryCost || o.timeCost !== p.timeCost || o.parallelism !== p.parallelism || o.outputLen !== p.outputLen;
  } catch {
    return true;
  }
}
