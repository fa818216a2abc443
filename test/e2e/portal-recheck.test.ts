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

  it('takes a file dropped on a criterion, says why a refused one was refused, and keeps what was typed for the retry', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password, 360);
    await page.goto(`${stack.url}/ra-soat-duy-tri/${recheckId}`);
    const card = page.locator('section[aria-label="Tiêu chí 2"]');
    const explanation = 'Giao thông: 100% đường trục xã được cứng hóa.';
    await card.getByLabel('Giải trình').fill(explanation);
    // On a phone the picker offers the camera: it takes photos.
    expect(await card.locator('input[type=file]').getAttribute('accept')).toContain('image/jpeg');
    const zone = card.getByRole('group', { name: /kéo thả tệp vào đây/ });
    const drop = async (name: string, bytes: Buffer) => {
      // A string, run in the page: the tests are compiled without the DOM's types.
      const dataTransfer = await page.evaluateHandle(
        `(() => { const t = new DataTransfer(); t.items.add(new File([Uint8Array.from(atob('${bytes.toString('base64')}'), (c) => c.charCodeAt(0))], ${JSON.stringify(name)}, { type: 'application/pdf' })); return t; })()`,
      );
      await zone.dispatchEvent('drop', { dataTransfer });
    };
    // Nine bytes that only claim to be a PDF: refused, in Vietnamese, and nothing typed is lost.
    await drop('gia-mao.pdf', Buffer.from('%PDF-1.4\n'));
    const refusal = card.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Tệp không được nhận');
    expect(await card.getByLabel('Giải trình').inputValue()).toBe(explanation);
    expect(await pageProblems(page, 'recheck-upload-refused')).toEqual([]);
    // The retry with the right file.
    await drop('duong-truc-xa.pdf', pdf('giao thông 2025'));
    await card.getByText('Đã tải lên: duong-truc-xa.pdf').waitFor();
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await card.getByLabel('Giải trình').inputValue()).toBe(explanation);
    await context.close();
  }, 120_000);

  it('gives another commune the not-found page and no link', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.sonbinh', stack.password);
    await page.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Rà soát duy trì đạt chuẩn hằng năm' }).count()).toBe(0);
    await page.goto(`${stack.url}/ra-soat-duy-tri/${recheckId}`);
    await page.getByRole('heading', { name: 'Không tìm thấy lượt rà soát' }).waitFor();
    await context.close();
  }, 120_000);
});
