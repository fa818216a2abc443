import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readLocalUsersFiles } from '@ntm/identity';

/** A new browser context (no cookies) at the given width, signed in through the portal's sign-in page. */
export async function signInThroughPortal(browser: Browser, url: string, username: string, password: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  // The machines running the tests are shared and slow at times: a minute per step before giving up.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return { context, page };
}

/** The seeded local user (packages/db/seed/users) who works for the department. */
export function departmentUser(departmentCode: string): string {
  const user = readLocalUsersFiles()
    .flatMap((f) => f.content.users)
    .find((u) => u.grants.some((g) => g.role === 'department_officer' && g.departmentCode === departmentCode));
  if (!user) throw new Error(`no seeded user works for department ${departmentCode}`);
  return user.username;
}
