import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, sessionCookie } from './session.js';
import { clientId, phaMu, startOidcStack, type OidcStack } from './testing/oidc-stack.js';
import { signInThroughProvider, WebClient } from './testing/web-client.js';

const readSession = (browser: WebClient, url: string) => Session.parse(JSON.parse(Buffer.from(browser.cookies(url).get(sessionCookie) ?? '', 'base64url').toString('utf8')));

describe('the portal as a public client of the provider (no secret: PKCE only, rotating refresh tokens)', () => {
  let stack: OidcStack;
  beforeAll(async () => {
    stack = await startOidcStack({ publicClient: true });
  });
  afterAll(() => stack.close());

  it('signs in without a client secret and keeps the rotated refresh token at each renewal', async () => {
    const browser = new WebClient();
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
    expect((await browser.follow(consentUrl, { form: { prompt: 'consent' } })).url).toBe(`${stack.portalUrl}/ho-so/moi`);
    const first = readSession(browser, stack.portalUrl);

    browser.cookies(stack.portalUrl).set(sessionCookie, Buffer.from(JSON.stringify({ ...first, e: 0 })).toString('base64url'));
    const me = await browser.request(`${stack.portalUrl}/api/dossier/auth/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: phaMu.username });
    const second = readSession(browser, stack.portalUrl);
    expect(second.r).not.toBe(first.r);
    expect(second.a).not.toBe(first.a);

    // The provider spent the first refresh token: presented again, it is refused.
    const reuse = await fetch(`${stack.provider.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.r, client_id: clientId }).toString(),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
