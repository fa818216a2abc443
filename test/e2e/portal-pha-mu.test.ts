import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdf } from '@ntm/evidence-api/test-files';
import { testConfig } from '@ntm/testing';
import { launchChromium, screenshot, seriousViolations } from './portal/browser.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;


beforeAll(async () => {
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Picks a file through the page's own button, as a person does. */
async function uploadThrough(page: Page, button: string, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: pdf(`minh chứng ${name}`) });
}

async function checked(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

describe("Pha Mu's dossier through the portal only (the commune's part: appraisal onwards is still to be covered here)", () => {
  it('is opened, self-assessed with evidence uploaded from the page, given its documents and conditions, and submitted', async () => {
    // The commune officer opens the dossier.
    const commune = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password);
    const page = commune.page;
    await page.getByRole('link', { name: 'Lập hồ sơ' }).click();
    await page.getByRole('combobox', { name: 'Loại hồ sơ' }).click();
    await page.getByRole('option', { name: 'Xã đạt chuẩn nông thôn mới', exact: true }).click();
    await page.getByLabel('Năm đề nghị công nhận').fill('2025');
    await checked(page, 'open-dossier');
    const opened = Date.now();
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Còn thiếu trước khi nộp' }).waitFor();
    console.log(`dossier opened and its page shown ${Date.now() - opened} ms after "Lập hồ sơ" (loopback; includes starting its workflow)`);
    // Time to usable on loopback: a fresh load of the dossier page until its checklist shows.
    const reloaded = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Còn thiếu trước khi nộp' }).waitFor();
    console.log(`commune's dossier page usable ${Date.now() - reloaded} ms after a fresh load (loopback, 19 criteria)`);
    await checked(page, 'dossier-self-assessment');

    // Every criterion, the first with its evidence uploaded from the page.
    const criteria = page.locator('section[aria-label^="Tiêu chí "]');
    const count = await criteria.count();
    expect(count).toBe(19);
    for (let i = 0; i < count; i++) {
      const card = criteria.nth(i);
      await card.getByLabel('Giải trình').fill('Đạt theo báo cáo của xã.');
      if (i === 0) {
        const chooser = page.waitForEvent('filechooser');
        await card.getByRole('button', { name: 'Tải minh chứng' }).click();
        await (await chooser).setFiles({ name: 'bao-cao-quy-hoach.pdf', mimeType: 'application/pdf', buffer: pdf('quy hoạch') });
        await card.getByText('Đã tải lên: bao-cao-quy-hoach.pdf').waitFor();
      }
      await card.getByRole('button', { name: /^Lưu tiêu chí/ }).click();
      // Saved, or the refusal's own words (fails fast, saying why).
      const saved = page.locator('section[aria-label^="Tiêu chí "]').nth(i);
      const state = async () => ((await saved.getByRole('alert').count()) > 0 ? await saved.getByRole('alert').first().textContent() : (await saved.getByText('Tự đánh giá: đạt').count()) > 0 ? 'saved' : 'waiting');
      await expect.poll(state, { timeout: 60_000, interval: 250 }).not.toBe('waiting');
      expect(await state()).toBe('saved');
    }
    console.log('self-assessed every criterion');
    // The required documents.
    const documents = await page.getByRole('button', { name: /^Tải lên: / }).allTextContents();
    expect(documents.length).toBeGreaterThan(0);
    for (const label of documents) {
      await uploadThrough(page, label, `${label.slice(9)}.pdf`);
      await page.getByRole('status').filter({ hasText: 'Đã đính kèm tài liệu.' }).waitFor();
      await page.getByRole('button', { name: 'Đóng' }).click();
    }
    // Posting, satisfaction (decimal comma) and the attestations.
    await page.getByLabel('Ngày bắt đầu niêm yết công khai').fill('2024-01-02');
    await page.getByLabel('Tỷ lệ người dân hài lòng (%)').fill('95,5');
    await page.getByRole('button', { name: 'Lưu niêm yết và tỷ lệ hài lòng' }).click();
    await page.getByRole('status').waitFor();
    for (const label of ['Không nợ đọng xây dựng cơ bản', 'Không có tình hình an ninh, trật tự phức tạp']) {
      await page.getByLabel(label).check();
      await page.getByRole('status').waitFor();
    }
    await page.getByText('Hồ sơ đã đủ điều kiện để nộp.').waitFor();
    await checked(page, 'dossier-ready-to-submit');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Còn thiếu trước khi nộp' }).waitFor({ state: 'detached' });
    console.log('submitted');
    await commune.context.close();
  }, 900_000);
});
