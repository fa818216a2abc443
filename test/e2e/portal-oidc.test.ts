import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildPortalWeb } from '@ntm/infra/portal';
import { defaultWebRoot } from '@ntm/portal';
import { phaMu, startOidcStack, stranger, type OidcStack } from '@ntm/portal/testing/oidc-stack';
import { launchChromium, pageProblems } from './portal/browser.js';

let stack: OidcStack;
let browser: Browser;

beforeAll(async () => {
  buildPortalWeb({ progress: () => undefined });
  stack = await startOidcStack({ webRoot: defaultWebRoot });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A fresh browser profile on the portal's sign-in page; nothing leaves this machine (the provider's pages ask for web fonts). */
async function signInPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${stack.portalUrl}/dang-nhap`);
  return page;
}

/** The provider's own login page: any listed account, any password (its development pages). */
async function signInAtProvider(page: Page, sub: string) {
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).click();
  await page.waitForURL((url) => url.origin === stack.provider.issuer && url.pathname.startsWith('/interaction/'));
  await page.locator('input[name=login]').fill(sub);
  await page.locator('input[name=password]').fill('any');
  await page.locator('button[type=submit]').click();
  await page.locator('input[value=consent]').waitFor({ state: 'attached' });
}

describe("signing in to the portal through the province's provider, in a browser", () => {
  it('shows the button beside the form, signs in at the provider and lands on the home page, then signs out there too', async () => {
    const page = await signInPage();
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).waitFor();
    expect(await pageProblems(page, 'sign-in-oidc')).toEqual([]);
    await signInAtProvider(page, phaMu.sub);
    await page.locator('button[type=submit]').click();

    await page.waitForURL(`${stack.portalUrl}/`);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(await page.getByText('Công chức UBND xã Pha Mu').count()).toBeGreaterThan(0);
    // No token where page scripts could read it.
    expect(await page.evaluate('JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie')).toBe('{}{}');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    // The provider asks whether to end its session too, then sends the browser back to the sign-in page.
    await page.waitForURL((url) => url.origin === stack.provider.issuer);
    await page.locator('button[name=logout][value=yes]').click();
    await page.waitForURL(`${stack.portalUrl}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).waitFor();
    expect((await page.request.get(`${stack.portalUrl}/auth/session`)).status()).toBe(401);
    await page.context().close();
  });

  it("comes back to the sign-in page with the reason in Vietnamese when we do not know the provider's account", async () => {
    const page = await signInPage();
    await signInAtProvider(page, stranger.sub);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${stack.portalUrl}/dang-nhap?loi=chua-cap-quyen`);
    await page.getByRole('alert').getByText('Tài khoản của tỉnh này chưa được cấp quyền trong hệ thống hồ sơ nông thôn mới. Vui lòng liên hệ quản trị hệ thống.').waitFor();
    expect(await pageProblems(page, 'sign-in-oidc-refused')).toEqual([]);
    expect((await page.request.get(`${stack.portalUrl}/auth/session`)).status()).toBe(401);
    await page.context().close();
  });
});
