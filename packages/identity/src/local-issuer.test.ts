import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSigningKey } from './local-issuer.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ntm-identity-'));

describe('the built-in issuer key', () => {
  it('is created on first use as an owner-only PKCS8 PEM and read back the same afterwards', async () => {
    const file = join(tempDir(), 'auth', 'local-issuer.pem');
    const created = await loadOrCreateSigningKey(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o077).toBe(0);
    const again = await loadOrCreateSigningKey(file);
    expect(again.publicJwk).toEqual(created.publicJwk);
    expect(created.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(created.publicJwk).not.toHaveProperty('d');
  });

  it('ends up with one key when several processes create it at once', async () => {
    const file = join(tempDir(), 'local-issuer.pem');
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateSigningKey(file)));
    expect(new Set(keys.map((k) => k.publicJwk.kid)).size).toBe(1);
  });

  it('names the file when it holds something else than an Ed25519 key', async () => {
    const file = join(tempDir(), 'broken.pem');
    writeFileSync(file, 'not a key', { mode: 0o600 });
    await expect(loadOrCreateSigningKey(file)).rejects.toThrow(/broken\.pem is not an Ed25519 private key/);
  });
});
