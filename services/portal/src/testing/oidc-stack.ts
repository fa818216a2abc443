import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { seedCatalog } from '@ntm/catalog';
import type { Config } from '@ntm/config';
import { createPrismaClient, createScratchDatabase } from '@ntm/db';
import { buildDossierApi } from '@ntm/dossier-api';
import { seedLocalUsers } from '@ntm/identity';
import { signInAs } from '@ntm/identity/testing';
import { createStorage } from '@ntm/storage';
import { freePort, testConfig } from '@ntm/testing';
import { startTestProvider } from '@ntm/testing/oidc-provider';
import { buildPortal } from '../app.js';

/** xa.phamu (the seeded commune officer of Pha Mu) is, at the province's provider, this subject. */
export const phaMu = { username: 'xa.phamu', sub: 'lc-0001-phamu', name: 'Lò Văn Pha', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] } as const;
/** Someone the province's provider knows and we do not. */
export const stranger = { sub: 'lc-0999-nguoi-la', name: 'Người Lạ' } as const;

export const clientId = 'ntm-portal';

/**
 * The province's OIDC provider (in this process), the dossier API trusting both it and the
 * built-in issuer (on a scratch database with the seed catalog and users, xa.phamu linked to
 * the provider's subject through PUT /users), and the portal configured to sign in through the
 * provider, all listening on loopback ports.
 */
export async function startOidcStack(options: { accessTokenTtlSeconds?: number } = {}) {
  const base = testConfig();
  const portalPort = await freePort();
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const provider = await startTestProvider({
    client: { id: clientId, secret: 'test-only-secret', redirectUri: `${portalUrl}/auth/oidc/callback`, postLogoutRedirectUri: `${portalUrl}/dang-nhap` },
    audience: base.auth.audience,
    accounts: [phaMu, stranger],
    ...options,
  });

  const scratch = await createScratchDatabase(base.postgres.url, { prefix: 'ntm_portal_oidc' });
  const db = createPrismaClient(scratch.url, { max: 4 });
  await seedCatalog(db);
  await seedLocalUsers(db, { password: 'ntm-local-only' });
  const stateDir = mkdtempSync(join(tmpdir(), 'ntm-portal-oidc-'));
  const apiConfig = testConfig({
    NTM_AUTH_LOCAL_ISSUER: 'true',
    NTM_AUTH_LOCAL_KEY_FILE: join(stateDir, 'local-issuer.pem'),
    NTM_AUTH_ISSUER: provider.issuer,
    NTM_AUTH_JWKS_URL: provider.jwksUrl,
  });
  // Reading who is signed in and the dossier list never calls Temporal: a lazy connection is never opened.
  const temporal = new Client({ connection: Connection.lazy({ address: apiConfig.temporal.address }) });
  const api = await buildDossierApi({ config: apiConfig, db, probes: [], temporal, taskQueue: 'unused', storage: createStorage(apiConfig.s3) }, { logger: false });
  const apiUrl = await api.listen({ host: '127.0.0.1', port: 0 });

  // The administrator links xa.phamu to the provider's subject, as docs/identity.md says.
  const admin = await signInAs(db, apiConfig, { username: 'quantri.oidc', grants: [{ role: 'system_admin', unitCode: null, departmentCode: null }] });
  const linked = await fetch(`${apiUrl}/users/${phaMu.username}`, {
    method: 'PUT',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Công chức UBND xã Pha Mu', grants: phaMu.grants, oidcSubject: phaMu.sub }),
  });
  if (linked.status !== 200) throw new Error(`linking ${phaMu.username}: ${linked.status} ${await linked.text()}`);

  const webRoot = mkdtempSync(join(tmpdir(), 'ntm-portal-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="vi"><title>Hồ sơ nông thôn mới</title></html>');
  const portalConfig: Config = testConfig({
    NTM_PORTAL_DOSSIER_API_URL: apiUrl,
    NTM_PORTAL_EVIDENCE_API_URL: apiUrl,
    NTM_PORTAL_OIDC_ISSUER: provider.issuer,
    NTM_PORTAL_OIDC_CLIENT_ID: clientId,
    NTM_PORTAL_OIDC_CLIENT_SECRET: 'test-only-secret',
    NTM_PORTAL_OIDC_REDIRECT_URI: `${portalUrl}/auth/oidc/callback`,
  });
  const portal = await buildPortal({ config: portalConfig, webRoot }, { logger: false });
  await portal.listen({ host: '127.0.0.1', port: portalPort });

  return {
    db,
    provider,
    portalUrl,
    apiUrl,
    async close() {
      await portal.close();
      await api.close();
      await provider.close();
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

export type OidcStack = Awaited<ReturnType<typeof startOidcStack>>;
