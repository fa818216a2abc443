import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testConfig } from '@ntm/testing';
import { launchChromium, screenshot, seriousViolations } from './portal/browser.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;

beforeAll(async () => {
  // 16 June 2025: before Lai Châu's two-tier reform, so Pha Mu's dossier keeps its district stage.
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A new browser context (no cookies) at the given width, signed in as the user. */
async function signedIn(username: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.url}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name=password]').fill(stack.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
  return { context, page };
}

/** Opens a dossier through the dossier API as the user (until the portal's own opening page is used). */
async function openDossierThroughApi(username: string, unitCode: string): Promise<{ id: string; trackingCode: string }> {
  const login = await fetch(`${stack.dossierApiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: stack.password }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${stack.dossierApiUrl}/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ commandId: randomUUID(), unitCode, trackCode: 'COMMUNE_NTM', year: 2025 }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; trackingCode: string };
}

describe('the portal in Chromium: sign-in and the commune officer\'s dossiers', () => {
  it('refuses a wrong password in Vietnamese, signs in, lists the commune\'s dossiers and signs out on the server', async () => {
    const dossier = await openDossierThroughApi('xa.phamu', '110-03628');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(page.url()).toMatch(/\/dang-nhap/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill('xa.phamu');
    await page.locator('input[name=password]').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await screenshot(page, 'sign-in-refused');

    await page.locator('input[name=password]').fill(stack.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const row = page.getByRole('row').filter({ hasText: dossier.trackingCode });
    await row.waitFor();
    console.log(`sign-in page to the signed-in dossier list: ${Math.round(performance.now() - started)} ms (loopback, includes typing)`);
    expect(await row.textContent()).toContain('Pha Mu');
    expect(await row.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    // No token where page scripts can read it: the session is an httpOnly cookie.
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['ntm_session', true, 'Strict']]);
    expect(await page.evaluate('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie')).not.toMatch(/eyJ/);
    await screenshot(page, 'dossier-list');
    expect(await seriousViolations(page)).toEqual([]);

    // Signing out revokes the refresh token on the issuer: the old cookie cannot be renewed.
    const session = JSON.parse(Buffer.from(cookies[0]?.value ?? '', 'base64url').toString('utf8')) as { r: string };
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await context.cookies()).toEqual([]);
    const refresh = await fetch(`${stack.dossierApiUrl}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.r }) });
    expect(refresh.status).toBe(401);
    await context.close();
  });

  it('shows Sơn Bình\'s officer "not found" and none of its data at the address of Giang Ma\'s dossier', async () => {
    const giangMa = await openDossierThroughApi('xa.giangma', '106-03405');
    const { context, page } = await signedIn('xa.sonbinh');
    await page.goto(`${stack.url}/ho-so/${giangMa.id}`);
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    expect(await page.content()).not.toContain(giangMa.trackingCode);
    expect(await page.content()).not.toContain('Giang Ma');
    await screenshot(page, 'dossier-not-found');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits the sign-in page and the dossier list on a 360 px wide phone', async () => {
    const { context, page } = await signedIn('xa.phamu', 360);
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: /12-/ }).first().waitFor();
    await screenshot(page, 'dossier-list-360');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'sign-in-360');
    await context.close();
  });
});
