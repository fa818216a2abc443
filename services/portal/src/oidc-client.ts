import * as oidc from 'openid-client';
import type { Config } from '@ntm/config';
import type { PendingSignIn } from './oidc-flows.js';
import type { TokenSet } from './session.js';

export type OidcSettings = NonNullable<Config['portal']['oidc']>;

/** The provider could not be reached or answered nonsense (not a refusal of the person). */
export class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable';
}

/** The provider refused (the code, the refresh token) or its answer failed a check (state, nonce, ID token). */
export class ProviderRefused extends Error {
  override name = 'ProviderRefused';
}

/** An OAuth error answer or a failed check is a refusal; anything else (refused connection, timeout) the provider being out of reach. */
function classify(error: unknown): Error {
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError) {
    return new ProviderRefused(`${error.error}: ${error.error_description ?? ''}`, { cause: error });
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) return new ProviderRefused(error.message, { cause: error });
  // A check that failed (state, nonce, the ID token's claims) or an answer out of the protocol.
  if (error instanceof oidc.ClientError) return new ProviderRefused(`${error.code ?? ''} ${error.message}`, { cause: error });
  return new ProviderUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
}

/** A provider's token answer as the portal keeps it (the session lasts as the refresh token does, at most a working day). */
function tokenSet(answer: oidc.TokenEndpointResponse, settings: OidcSettings, previousRefreshToken?: string): TokenSet {
  const refreshLife = typeof answer.refresh_expires_in === 'number' && answer.refresh_expires_in > 0 ? answer.refresh_expires_in : settings.sessionTtlSeconds;
  const refreshToken = answer.refresh_token ?? previousRefreshToken;
  const expiresIn = answer.expires_in ?? 300;
  return {
    accessToken: answer.access_token,
    expiresIn,
    // Without a refresh token the session ends with the access token.
    refreshToken: refreshToken ?? '',
    refreshExpiresIn: refreshToken === undefined ? expiresIn : Math.min(refreshLife, settings.sessionTtlSeconds),
  };
}

/**
 * The portal as a client of the province's OIDC provider, through openid-client: discovery
 * (once, retried after a failure), the authorization URL with PKCE (S256), the code exchange
 * with its checks (state, nonce, the ID token's issuer, audience and expiry), refresh, revocation
 * and the end-session URL.
 */
export function createOidcClient(settings: OidcSettings) {
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri], response_types: ['code'] },
        settings.clientSecret === null ? oidc.None() : oidc.ClientSecretBasic(settings.clientSecret),
        // Plain http is accepted by the configuration only on this machine (the tests' provider).
        { timeout: 10, execute: new URL(settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [] },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw classify(error);
      });
    return discovered;
  };

  return {
    /** Where to send the browser to sign in; the flow's secrets stay with the caller. */
    async authorizationUrl(flow: PendingSignIn): Promise<URL> {
      const config = await configuration();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.join(' '),
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    /** The callback's code exchanged for tokens, every check made (throws ProviderRefused or ProviderUnavailable). */
    async exchange(query: string, flow: PendingSignIn): Promise<TokenSet> {
      const config = await configuration();
      const current = new URL(settings.redirectUri);
      current.search = query;
      try {
        const answer = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        return tokenSet(answer, settings);
      } catch (error) {
        throw classify(error);
      }
    },

    /** A new token pair, or null when the provider refuses the refresh token (the session is over). */
    async refresh(refreshToken: string): Promise<TokenSet | null> {
      const config = await configuration();
      try {
        return tokenSet(await oidc.refreshTokenGrant(config, refreshToken), settings, refreshToken);
      } catch (error) {
        const classified = classify(error);
        if (classified instanceof ProviderRefused) return null;
        throw classified;
      }
    },

    /** Revokes a refresh token where the provider has a revocation endpoint; failures are only reported. */
    async revoke(refreshToken: string): Promise<boolean> {
      const config = await configuration();
      if (config.serverMetadata().revocation_endpoint === undefined || refreshToken === '') return false;
      await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' });
      return true;
    },

    /** The provider's end-session address (back to the portal's sign-in page afterwards), or null without one. */
    async endSessionUrl(): Promise<string | null> {
      const config = await configuration();
      if (config.serverMetadata().end_session_endpoint === undefined) return null;
      return oidc.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: new URL('/dang-nhap', settings.redirectUri).href }).href;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
