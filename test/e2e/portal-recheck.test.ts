import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pdf } from '@ntm/evidence-api/test-files';
import { testConfig } from '@ntm/testing';
import { apiAs } from './portal/api.js';
import { launchChromium, pageProblems } from './portal/browser.js';
import { campaignThroughApi } from './portal/campaign.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
const phaMu = '110-03628';
let recheckId = '';

beforeAll(async () => {
  stack = await startPortalStack(config, { today: '2025-06-01' });
  browser = await launchChromium();
  recheckId = (await campaignThroughApi(stack, [phaMu], 2025)).get(phaMu) ?? '';
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("a commune's page for its yearly re-check", () => {
  it('leads from the commune’s home to its re-check, where a criterion is re-assessed with a new file uploaded for the re-check', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password);
    const rechecks = page.getByRole('region', { name: 'Rà soát duy trì đạt chuẩn hằng năm' });
    await rechecks.getByRole('link', { name: /năm 2025$/ }).click();
    await page.getByRole('heading', { name: /^Rà soát duy trì năm 2025: / }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ra-soat-duy-tri/${recheckId}`);
    await expect.poll(() => page.getByTestId('stage').textContent()).toBe('Đơn vị tự rà soát, đánh giá lại');
    expect(await pageProblems(page, 'recheck-commune'), 'recheck-commune').toEqual([]);

    const card = page.locator('section[aria-label="Tiêu chí 1"]');
    await card.getByLabel('Giải trình').fill('Quy hoạch vẫn đạt; bổ sung biên bản rà soát năm 2025.');
    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: 'Tải minh chứng' }).click();
    await (await chooser).setFiles({ name: 'bien-ban-ra-soat.pdf', mimeType: 'application/pdf', buffer: pdf('rà soát 2025') });
    await card.getByText('Đã tải lên: bien-ban-ra-soat.pdf').waitFor();
    await card.getByRole('button', { name: 'Lưu tiêu chí 1' }).click();
    await page.locator('section[aria-label="Tiêu chí 1"]').getByText('Tự đánh giá: đạt').waitFor();

    // The file belongs to the re-check, and the re-assessment cites it.
    const commune = await apiAs(stack, 'xa.phamu');
    const view = (await commune('GET', `/rechecks/${recheckId}`)).body as { criteria: Array<{ number: number; evidenceIds: string[]; change: string }> };
    const first = view.criteria.find((c) => c.number === 1);
    expect(first?.evidenceIds).toHaveLength(1);
    expect(first?.change).toBe('new');
    const login = await fetch(`${stack.dossierApiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'xa.phamu', password: stack.password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const files = (await (await fetch(`${stack.evidenceApiUrl}/rechecks/${recheckId}/evidence`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as Array<{ id: string; recheckId: string; originalName: string }>;
    expect(files).toEqual([expect.objectContaining({ id: first?.evidenceIds[0], recheckId, originalName: 'bien-ban-ra-soat.pdf' })]);

    // Sending it with criteria never assessed (a recognition registered from before the system) is refused in Vietnamese.
    await page.getByRole('button', { name: 'Gửi kết quả tự rà soát' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Gửi kết quả tự rà soát' }).getByRole('alert').textContent()).toContain('Chưa gửi được kết quả tự rà soát');
    await context.close();
  }, 180_000);

  it('gives another commune the not-found page and no link', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.sonbinh', stack.password);
    await page.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Rà soát duy trì đạt chuẩn hằng năm' }).count()).toBe(0);
    await page.goto(`${stack.url}/ra-soat-duy-tri/${recheckId}`);
    await page.getByRole('heading', { name: 'Không tìm thấy lượt rà soát' }).waitFor();
    await context.close();
  }, 120_000);
});
