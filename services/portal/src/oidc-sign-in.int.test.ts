import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, sessionCookie } from './session.js';
import { clientId, phaMu, startOidcStack, type OidcStack } from './testing/oidc-stack.js';
import { signInThroughProvider, WebClient } from './testing/web-client.js';

const readSessionCookie = (browser: WebClient, portalUrl: string) => {
  const raw = browser.cookies(portalUrl).get(sessionCookie);
  return raw === undefined ? null : Session.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
};

describe("signing in to the portal through the province's OIDC provider (real provider, API and PostgreSQL)", () => {
  let stack: OidcStack;
  beforeAll(async () => {
    stack = await startOidcStack();
  });
  afterAll(() => stack.close());

  it('tells the sign-in page the button to show', async () => {
    const res = await fetch(`${stack.portalUrl}/auth/config`);
    expect(await res.json()).toEqual({ oidc: { label: 'Đăng nhập bằng tài khoản của tỉnh', start: '/auth/oidc/start' } });
  });

  it('signs in with the code flow and PKCE, reads through /api with the provider\'s token, refreshes, and signs out', async () => {
    const browser = new WebClient();
    // Start: to the provider's authorization endpoint (from discovery) with PKCE S256, state and nonce; nothing of them in the browser.
    const start = await browser.request(`${stack.portalUrl}/auth/oidc/start?tiep=%2Fho-so%2Fmoi`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${stack.provider.issuer}/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: clientId, response_type: 'code', code_challenge_method: 'S256', redirect_uri: `${stack.portalUrl}/auth/oidc/callback`, scope: 'openid profile' });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)?.length).toBeGreaterThanOrEqual(43);
    const handle = browser.cookies(stack.portalUrl).get('ntm_oidc') ?? '';
    expect(handle).toMatch(/^[\w-]{43}$/);
    expect([authorize.searchParams.get('state'), authorize.searchParams.get('nonce')]).not.toContain(handle);
    expect(String(start.headers.get('set-cookie'))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);

    // Login and consent at the provider, back to the callback, on to the page asked for.
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
    const landed = await browser.follow(consentUrl, { form: { prompt: 'consent' } });
    expect(landed.url).toBe(`${stack.portalUrl}/ho-so/moi`);
    expect(browser.visited.some((u) => u.startsWith(`${stack.portalUrl}/auth/oidc/callback?code=`))).toBe(true);
    expect(browser.cookies(stack.portalUrl).has('ntm_oidc')).toBe(false);
    const session = readSessionCookie(browser, stack.portalUrl);
    expect(session).toMatchObject({ o: 1 });
    // The provider's own JWT access token, for the platform's audience, is what the APIs get.
    const claims = JSON.parse(Buffer.from(session?.a.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: stack.provider.issuer, sub: phaMu.sub, aud: 'ntm-platform' });

    const me = await browser.request(`${stack.portalUrl}/auth/session`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: phaMu.username, grants: [{ role: 'commune_officer', unitCode: '110-03628' }] });
    const own = await browser.request(`${stack.portalUrl}/api/dossier/dossiers?unit=110-03628`);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ total: 0, items: [] });
    // Roles come from our grants only: Pha Mu's commune officer may not manage users.
    expect((await browser.request(`${stack.portalUrl}/api/dossier/users`)).status).toBe(403);

    // An access token at its end is renewed through the provider's refresh token; the session goes on.
    const stale = { ...(session as Session), e: Math.floor(Date.now() / 1000) - 5 };
    browser.cookies(stack.portalUrl).set(sessionCookie, Buffer.from(JSON.stringify(stale)).toString('base64url'));
    const renewed = await browser.request(`${stack.portalUrl}/api/dossier/auth/me`);
    expect(renewed.status).toBe(200);
    expect(await renewed.json()).toMatchObject({ username: phaMu.username });
    const after = readSessionCookie(browser, stack.portalUrl);
    expect(after?.a).not.toBe(session?.a);
    expect(after?.o).toBe(1);
    expect((after?.e ?? 0) - Math.floor(Date.now() / 1000)).toBeGreaterThan(500);
    // The session lasts a working day at most, as the built-in issuer's does.
    expect((after?.re ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(8 * 3600);

    // Sign-out ends the session here, revokes the refresh token at the provider and gives its end-session address.
    const out = await browser.request(`${stack.portalUrl}/auth/logout`, { method: 'POST' });
    expect(out.status).toBe(200);
    const endSession = new URL((await out.json() as { endSession: string }).endSession);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${stack.provider.issuer}/session/end`);
    expect(Object.fromEntries(endSession.searchParams)).toEqual({ client_id: clientId, post_logout_redirect_uri: `${stack.portalUrl}/dang-nhap` });
    expect(browser.cookies(stack.portalUrl).has(sessionCookie)).toBe(false);
    const gone = await browser.request(`${stack.portalUrl}/api/dossier/dossiers?unit=110-03628`);
    expect(gone.status).toBe(401);
    expect((await gone.json() as { detail: string }).detail).toBe('Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
    // The refresh token is dead at the provider: a copy of the old cookie cannot renew itself.
    browser.cookies(stack.portalUrl).set(sessionCookie, Buffer.from(JSON.stringify({ ...(after as Session), e: 0 })).toString('base64url'));
    expect((await browser.request(`${stack.portalUrl}/api/dossier/dossiers?unit=110-03628`)).status).toBe(401);
    // The provider's end-session page answers (it asks the person to confirm signing out there).
    expect((await browser.follow(endSession.href)).res.status).toBe(200);
  });
});
