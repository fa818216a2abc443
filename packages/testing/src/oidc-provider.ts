import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestProviderOptions {
  /** The portal's client at the provider. */
  client: { id: string; secret: string; redirectUri: string; postLogoutRedirectUri: string };
  /** The platform's audience, put in every access token's `aud` (NTM_AUTH_AUDIENCE). */
  audience: string;
  /** People who can sign in: their `sub` and name. */
  accounts: Array<{ sub: string; name: string }>;
  accessTokenTtlSeconds?: number;
}

/** The resource indicator the provider defaults to: access tokens for it are JWTs with `aud` = the platform's audience. */
const platformResource = 'urn:ntm:platform';

/**
 * A real OpenID Connect provider (panva's oidc-provider) in this process on a free loopback port,
 * standing in for a province's: discovery, authorization with PKCE, its development login and
 * consent pages (any listed account signs in without a password), JWT access tokens for the
 * platform's audience, refresh tokens, revocation and RP-initiated logout.
 */
export async function startTestProvider(options: TestProviderOptions) {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: [options.client.redirectUri],
        post_logout_redirect_uris: [options.client.postLogoutRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      return account === undefined ? undefined : { accountId: sub, claims: async () => ({ sub, name: account.name }) };
    },
    // A refresh token for the portal whether or not it asks for offline_access (as Keycloak does).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: options.accessTokenTtlSeconds ?? 600, IdToken: 600, RefreshToken: 8 * 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => platformResource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'ntm', audience: options.audience, accessTokenFormat: 'jwt', accessTokenTTL: options.accessTokenTtlSeconds ?? 600 }),
      },
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  handle = (req, res) => void callback(req, res);

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    provider,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestProvider = Awaited<ReturnType<typeof startTestProvider>>;
