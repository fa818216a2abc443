import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('hashes with Argon2id and today\'s parameters, salted', async () => {
    const a = await hashPassword('mật khẩu Pha Mu 2025');
    const b = await hashPassword('mật khẩu Pha Mu 2025');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('mật khẩu Pha Mu 2025');
    expect(await verifyPassword(stored, 'mật khẩu Pha Mu 2025')).toBe(true);
    expect(await verifyPassword(stored, 'mat khau Pha Mu 2025')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('refuses rather than throws on something that is not a hash, and asks to rehash weaker ones', async () => {
    expect(await verifyPassword('plain text', 'plain text')).toBe(false);
    expect(needsRehash('plain text')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$JKUFRVfN0PHAa0ys9WeQLXPeLhMGZr95loAWLIptod4')).toBe(true);
  });
});
