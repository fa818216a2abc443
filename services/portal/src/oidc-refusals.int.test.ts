import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@ntm/config';
import { buildPortal } from './app.js';
import { sessionCookie } from './session.js';
import { signInErrorText } from './sign-in-errors.js';
import { phaMu, startOidcStack, stranger, type OidcStack } from './testing/oidc-stack.js';
import { signInThroughProvider, WebClient } from './testing/web-client.js';

const isCallback = (url: URL) => url.pathname === '/auth/oidc/callback';

describe("refusals of a sign-in through the province's provider end on the sign-in page, with no session", () => {
  let stack: OidcStack;
  beforeAll(async () => {
    stack = await startOidcStack();
  });
  afterAll(() => stack.close());

  /** Follows the rest of the way and expects the sign-in page with this reason, and no session. */
  async function expectRefused(browser: WebClient, url: string, reason: string, text: string, form?: Record<string, string>) {
    const landed = await browser.follow(url, form ? { form } : {});
    expect(landed.url).toBe(`${stack.portalUrl}/dang-nhap?loi=${reason}`);
    expect(landed.res.status).toBe(200);
    expect(signInErrorText(new URL(landed.url).searchParams.get('loi'))).toBe(text);
    expect(browser.cookies(stack.portalUrl).has(sessionCookie)).toBe(false);
    expect((await browser.request(`${stack.portalUrl}/auth/session`)).status).toBe(401);
  }

  it('refuses an answer whose state is not the one this browser sent', async () => {
    const browser = new WebClient();
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
    const back = await browser.follow(consentUrl, { form: { prompt: 'consent' }, stopBefore: isCallback });
    const forged = new URL(back.url);
    expect(forged.searchParams.get('code')).toBeTruthy();
    forged.searchParams.set('state', 'an-attacker-s-state');
    await expectRefused(browser, forged.href, 'khong-khop', 'Lượt đăng nhập không khớp với yêu cầu của trình duyệt này, nên đã bị từ chối. Vui lòng đăng nhập lại.');
  });

  it('refuses a callback from a browser that never started a sign-in (a code pushed into another browser)', async () => {
    const browser = new WebClient();
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
    const back = await browser.follow(consentUrl, { form: { prompt: 'consent' }, stopBefore: isCallback });
    await expectRefused(new WebClient(), back.url, 'het-han', 'Lượt đăng nhập qua tài khoản của tỉnh đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.');
    // The handle is used once: the same browser coming back again is refused too.
    const again = new WebClient();
    const second = await signInThroughProvider(again, stack.portalUrl, phaMu.sub);
    const callback = await again.follow(second.consentUrl, { form: { prompt: 'consent' }, stopBefore: isCallback });
    const handle = again.cookies(stack.portalUrl).get('ntm_oidc') ?? '';
    expect((await again.follow(callback.url)).url).toBe(`${stack.portalUrl}/ho-so/moi`);
    again.cookies(stack.portalUrl).set('ntm_oidc', handle);
    again.cookies(stack.portalUrl).delete(sessionCookie);
    await expectRefused(again, callback.url, 'het-han', 'Lượt đăng nhập qua tài khoản của tỉnh đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.');
  });

  it('says so when the person declines at the provider', async () => {
    const browser = new WebClient();
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
    await expectRefused(browser, `${consentUrl}/abort`, 'tu-choi', 'Bạn đã không đồng ý cho hệ thống dùng tài khoản của tỉnh, nên chưa đăng nhập.');
  });

  it('refuses a subject the provider knows and our users do not (the API answers 401), and creates no user', async () => {
    const browser = new WebClient();
    const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, stranger.sub);
    await expectRefused(browser, consentUrl, 'chua-cap-quyen', 'Tài khoản của tỉnh này chưa được cấp quyền trong hệ thống hồ sơ nông thôn mới. Vui lòng liên hệ quản trị hệ thống.', { prompt: 'consent' });
    expect(await stack.db.user.count({ where: { oidcSubject: stranger.sub } })).toBe(0);
  });

  it('refuses a linked user who has been disabled since', async () => {
    await stack.db.user.update({ where: { username: phaMu.username }, data: { disabled: true } });
    try {
      const browser = new WebClient();
      const { consentUrl } = await signInThroughProvider(browser, stack.portalUrl, phaMu.sub);
      await expectRefused(browser, consentUrl, 'chua-cap-quyen', signInErrorText('chua-cap-quyen') ?? '', { prompt: 'consent' });
    } finally {
      await stack.db.user.update({ where: { username: phaMu.username }, data: { disabled: false } });
    }
  });
});

describe('a provider out of reach', () => {
  it('sends the person back to the sign-in page saying so, not a 500', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'ntm-portal-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="vi"></html>');
    const config = loadConfig({
      NTM_PORTAL_DOSSIER_API_URL: 'http://127.0.0.1:1',
      NTM_PORTAL_EVIDENCE_API_URL: 'http://127.0.0.1:1',
      NTM_PORTAL_OIDC_ISSUER: 'http://127.0.0.1:1/realms/ntm',
      NTM_PORTAL_OIDC_CLIENT_ID: 'ntm-portal',
      NTM_PORTAL_OIDC_REDIRECT_URI: 'http://127.0.0.1:3002/auth/oidc/callback',
    });
    const app = await buildPortal({ config, webRoot }, { logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/auth/oidc/start' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/dang-nhap?loi=mat-ket-noi');
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
