import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdf } from '@ntm/evidence-api/test-files';
import { testConfig } from '@ntm/testing';
import { apiAs, submittedThroughApi } from './portal/api.js';
import { launchChromium, screenshot, seriousViolations } from './portal/browser.js';
import { departmentUser, signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
/** Submitted on the scenario's first day: its appraisal tasks are long overdue. */
let phaMu: { id: string; trackingCode: string };
/** Submitted today: its tasks are due in 20 working days. */
let sonBinh: { id: string; trackingCode: string };

beforeAll(async () => {
  // 16 June 2025: before Lai Châu's two-tier reform, so the dossiers keep their district stage.
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
  sonBinh = await submittedThroughApi(stack, 'xa.sonbinh', '106-03413');
  stack.receiveCommandsOn('2025-06-16');
  phaMu = await submittedThroughApi(stack, 'xa.phamu', '110-03628');
  stack.receiveCommandsOn(null);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function checked(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** Records "met" through the API for every open task of the dossier but the given department's. */
async function othersAppraise(dossierId: string, except: string) {
  const tasks = await stack.db.appraisalTask.findMany({ where: { dossierId, closedAt: null, departmentCode: { not: except } } });
  for (const t of tasks) {
    const call = await apiAs(stack, departmentUser(t.departmentCode));
    for (const c of t.criterionCodes) await call('PUT', `/dossiers/${dossierId}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null });
  }
}

async function stageOf(id: string) {
  return (await stack.db.dossier.findUniqueOrThrow({ where: { id }, select: { stage: true } })).stage;
}

describe('appraisal rounds through the portal: the queue, supplementation and a district return', () => {
  it("orders a department officer's queue with the overdue task first, and filters it by district", async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'so.xaydung', stack.password);
    await page.getByRole('link', { name: 'Việc thẩm định' }).click();
    const rows = page.getByRole('table', { name: 'Việc thẩm định' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain(phaMu.trackingCode);
    expect(await rows.nth(1).textContent()).toContain('Quá hạn');
    expect(await rows.nth(1).textContent()).toMatch(/\d{2}\/\d{2}\/2025/);
    expect(await rows.nth(2).textContent()).toContain(sonBinh.trackingCode);
    expect(await rows.nth(2).textContent()).not.toContain('Quá hạn');
    await checked(page, 'department-queue-overdue');

    await page.getByRole('combobox', { name: 'Lọc theo huyện' }).click();
    await page.getByRole('option', { name: 'Huyện Tam Đường' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain(sonBinh.trackingCode);
    await checked(page, 'department-queue-filtered');
    await context.close();

    const phone = await signInThroughPortal(browser, stack.url, 'so.xaydung', stack.password, 360);
    await phone.page.getByRole('link', { name: 'Việc thẩm định' }).click();
    await phone.page.getByRole('link', { name: phaMu.trackingCode }).waitFor();
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await checked(phone.page, 'department-queue-360');
    await phone.context.close();
  });

  it('sends a criterion back with reasons; the commune sees it highlighted, supplements it and submits again; the department appraises it again', async () => {
    await othersAppraise(phaMu.id, 'SXD');
    const department = await signInThroughPortal(browser, stack.url, 'so.xaydung', stack.password);
    let page = department.page;
    await page.getByRole('link', { name: 'Việc thẩm định' }).click();
    await page.getByRole('link', { name: phaMu.trackingCode }).click();
    const forms = page.locator('section[aria-label^="Thẩm định tiêu chí "]');
    await forms.first().waitFor();
    const count = await forms.count();
    const sentBack = ((await forms.first().getAttribute('aria-label')) ?? '').replace('Thẩm định tiêu chí ', '');
    await forms.first().getByRole('combobox', { name: `Kết quả thẩm định tiêu chí ${sentBack}` }).click();
    await page.getByRole('option', { name: 'Yêu cầu bổ sung' }).click();
    await forms.first().getByLabel(`Lý do (tiêu chí ${sentBack})`).fill('Bổ sung biên bản nghiệm thu công trình năm 2024.');
    await checked(page, 'department-supplementation');
    for (let i = count; i > 0; i--) {
      const form = forms.first();
      await form.getByRole('button', { name: /^Ghi kết quả tiêu chí/ }).click();
      await expect.poll(async () => ((await form.getByRole('alert').count()) > 0 ? await form.getByRole('alert').textContent() : await forms.count()), { timeout: 60_000 }).toBe(i - 1);
    }
    await expect.poll(() => stageOf(phaMu.id)).toBe('SELF_ASSESSMENT');
    await department.context.close();

    // The commune: the criterion sent back is highlighted with the department's reasons, the others are locked.
    const commune = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password);
    page = commune.page;
    await page.getByRole('link', { name: phaMu.trackingCode }).first().click();
    const card = page.locator(`section[aria-label="Tiêu chí ${sentBack}"]`);
    await card.getByText('Bổ sung biên bản nghiệm thu công trình năm 2024.').waitFor();
    expect(await card.getByText('Yêu cầu bổ sung').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Lưu tiêu chí/ }).count()).toBe(1);
    await checked(page, 'dossier-sent-back');
    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: 'Tải minh chứng' }).click();
    await (await chooser).setFiles({ name: 'bien-ban-nghiem-thu.pdf', mimeType: 'application/pdf', buffer: pdf('biên bản nghiệm thu') });
    await card.getByText('Đã tải lên: bien-ban-nghiem-thu.pdf').waitFor();
    await card.getByLabel('Giải trình').fill('Đã bổ sung biên bản nghiệm thu công trình năm 2024.');
    await card.getByRole('button', { name: `Lưu tiêu chí ${sentBack}` }).click();
    await page.getByText('Hồ sơ đã đủ điều kiện để nộp.').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => stageOf(phaMu.id)).toBe('APPRAISAL');
    await commune.context.close();

    // Round 2: only the criterion sent back, with the commune's new evidence in the page.
    await othersAppraise(phaMu.id, 'SXD');
    const again = await signInThroughPortal(browser, stack.url, 'so.xaydung', stack.password);
    page = again.page;
    await page.getByRole('link', { name: 'Việc thẩm định' }).click();
    await page.getByRole('link', { name: phaMu.trackingCode }).click();
    const round2 = page.locator('section[aria-label^="Thẩm định tiêu chí "]');
    await expect.poll(() => round2.count()).toBe(1);
    await page.locator('iframe[title="Minh chứng bien-ban-nghiem-thu.pdf"]').waitFor();
    await round2.first().getByRole('button', { name: `Ghi kết quả tiêu chí ${sentBack}` }).click();
    await expect.poll(() => stageOf(phaMu.id), { timeout: 60_000 }).toBe('DISTRICT_CONFIRMATION');
    await again.context.close();
  });

  it('is returned by the district with reasons, which the commune reads before submitting again', async () => {
    const district = await signInThroughPortal(browser, stack.url, 'huyen.thanuyen', stack.password);
    let page = district.page;
    await page.getByRole('link', { name: phaMu.trackingCode }).first().click();
    await page.getByLabel('Lý do trả hồ sơ (khi trả lại)').fill('Đề nghị xã rà soát lại số liệu tiêu chí thu nhập.');
    await page.getByRole('button', { name: 'Trả hồ sơ cho xã' }).click();
    await page.getByRole('heading', { name: 'Xác nhận của huyện' }).waitFor({ state: 'detached' });
    expect(await stageOf(phaMu.id)).toBe('SELF_ASSESSMENT');
    await district.context.close();

    const commune = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password, 360);
    page = commune.page;
    await page.getByRole('link', { name: new RegExp(phaMu.trackingCode) }).first().click();
    await page.getByText('Đề nghị xã rà soát lại số liệu tiêu chí thu nhập.').waitFor();
    await page.getByText(/^Hồ sơ bị trả lại ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await checked(page, 'dossier-returned-360');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => stageOf(phaMu.id)).toBe('APPRAISAL');
    await page.getByText('Đề nghị xã rà soát lại số liệu tiêu chí thu nhập.').waitFor({ state: 'detached' });
    await commune.context.close();
  });
});
