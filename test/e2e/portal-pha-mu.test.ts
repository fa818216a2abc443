import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdf } from '@ntm/evidence-api/test-files';
import { testConfig } from '@ntm/testing';
import { launchChromium, pageProblems } from './portal/browser.js';
import { departmentUser, signInThroughPortal } from './portal/session.js';
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

/** Axe finds no serious or critical violation, at the page's width and at 360 px, and nothing overflows a phone's screen. */
async function checked(page: Page, name: string) {
  expect(await pageProblems(page, name), name).toEqual([]);
}

/** The dossier the steps below carry, as the commune's page showed it. */
let dossier: { id: string; trackingCode: string };

describe("Pha Mu's dossier through the portal only, each step by the person whose step it is", () => {
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
    dossier = { id: page.url().split('/ho-so/')[1] ?? '', trackingCode: ((await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '').replace('Hồ sơ ', '') };
    expect(dossier.trackingCode).toMatch(/^12-/);
    console.log(`dossier opened and its page shown ${Date.now() - opened} ms after "Lập hồ sơ" (loopback; includes starting its workflow)`);
    // Time to usable on loopback: a fresh load of the dossier page until its checklist shows.
    const reloaded = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Còn thiếu trước khi nộp' }).waitFor();
    console.log(`commune's dossier page usable ${Date.now() - reloaded} ms after a fresh load (loopback, 19 criteria)`);
    // Where that time goes: the page's own requests, from the navigation's start (ms).
    const requests = await page.evaluate<string[]>(
      "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => `${new URL(e.name).pathname.replace(/[0-9a-f-]{36}/, ':id')} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)}`)",
    );
    console.log(`requests of the fresh load: ${requests.join('; ')}`);
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
    await page.getByLabel('Ngày bắt đầu niêm yết công khai').fill('02/01/2024');
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

  it('is appraised by every department from its queue, each criterion with the commune\'s explanation and evidence shown in the page', async () => {
    const tasks = await stack.db.appraisalTask.findMany({ where: { dossierId: dossier.id }, orderBy: { departmentCode: 'asc' } });
    expect(new Set(tasks.flatMap((t) => t.criterionCodes)).size).toBe(19);
    let first = true;
    for (const [n, task] of tasks.entries()) {
      const { context, page } = await signInThroughPortal(browser, stack.url, departmentUser(task.departmentCode), stack.password);
      await page.getByRole('link', { name: 'Việc thẩm định' }).click();
      const row = page.getByRole('row').filter({ hasText: dossier.trackingCode });
      await row.waitFor();
      if (first) await checked(page, 'department-queue');
      await row.getByRole('link', { name: dossier.trackingCode }).click();
      await page.getByRole('heading', { name: 'Thẩm định các tiêu chí được giao' }).waitFor();
      const forms = page.locator('section[aria-label^="Thẩm định tiêu chí "]');
      await expect.poll(() => forms.count()).toBe(task.criterionCodes.length);
      await expect.poll(() => forms.first().textContent()).toContain('Đạt theo báo cáo của xã.');
      if (task.criterionCodes.includes('TC01')) {
        // The first criterion's evidence, uploaded by the commune, is shown in the page.
        await page.locator('iframe[title="Minh chứng bao-cao-quy-hoach.pdf"]').waitFor();
      }
      if (first) await checked(page, 'department-appraisal');
      first = false;
      for (let i = task.criterionCodes.length; i > 0; i--) {
        const form = forms.first();
        await form.getByRole('button', { name: /^Ghi kết quả tiêu chí/ }).click();
        await expect.poll(async () => ((await form.getByRole('alert').count()) > 0 ? await form.getByRole('alert').textContent() : await forms.count()), { timeout: 60_000 }).toBe(i - 1);
      }
      // The last verdict closes the appraisal stage: the page then shows the consolidated results.
      if (n < tasks.length - 1) await page.getByText('Đã ghi kết quả thẩm định mọi tiêu chí được giao.').waitFor();
      else await page.getByRole('table', { name: 'Kết quả thẩm định' }).waitFor();
      await context.close();
    }
    console.log(`appraised by ${tasks.length} departments`);
  }, 900_000);

  it('is confirmed by the district with the consolidated appraisal results in view', async () => {
    const verdicts = await stack.db.appraisalVerdict.count({ where: { dossierId: dossier.id } });
    const { context, page } = await signInThroughPortal(browser, stack.url, 'huyen.thanuyen', stack.password);
    await page.getByRole('link', { name: dossier.trackingCode }).first().click();
    await page.getByRole('heading', { name: 'Xác nhận của huyện' }).waitFor();
    // A header row and one row per department's verdict (a criterion may be appraised by two departments).
    await expect.poll(() => page.getByRole('table', { name: 'Kết quả thẩm định' }).getByRole('row').count()).toBe(1 + verdicts);
    await checked(page, 'district-confirmation');
    await page.getByRole('button', { name: 'Xác nhận, chuyển tỉnh' }).click();
    await page.getByRole('heading', { name: 'Xác nhận của huyện' }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('is recognised by the provincial office (number, date, signer), and the commune downloads the decision', async () => {
    const province = await signInThroughPortal(browser, stack.url, 'tinh.vpdp', stack.password);
    const page = province.page;
    await page.getByRole('link', { name: dossier.trackingCode }).first().click();
    await page.getByRole('heading', { name: 'Quyết định công nhận' }).waitFor();
    await page.getByLabel('Số quyết định').fill('1234/QĐ-UBND');
    await page.getByLabel('Ngày ký').fill('20/07/2025');
    await page.getByLabel('Người ký', { exact: true }).fill('Người ký thử');
    await page.getByLabel('Chức vụ người ký').fill('Phó Chủ tịch');
    // The decision as it will be issued, shown in the page before anything is recorded.
    await page.getByRole('button', { name: 'Xem trước văn bản' }).click();
    const frame = page.locator('iframe[title="Xem trước quyết định công nhận"]');
    await frame.waitFor();
    // The same preview through the portal with this person's session: the decision as it will be issued.
    const answer = await province.context.request.post(`${stack.url}/api/dossier/dossiers/${dossier.id}/decision/preview`, {
      data: { number: '1234/QĐ-UBND', date: '2025-07-20', effectiveDate: '2025-07-20', signer: 'Người ký thử', signerTitle: 'Phó Chủ tịch', submissionNumber: null, submissionDate: null },
    });
    expect(answer.headers()['content-type']).toBe('application/pdf');
    const previewFile = join(mkdtempSync(join(tmpdir(), 'ntm-preview-')), 'xem-truoc.pdf');
    writeFileSync(previewFile, await answer.body());
    const previewText = execFileSync('pdftotext', [previewFile, '-'], { encoding: 'utf8' });
    expect(previewText).toContain('Số: 1234/QĐ-UBND');
    expect(previewText).toContain('Người ký thử');
    expect(await stack.db.decision.count({ where: { dossierId: dossier.id } })).toBe(0);
    await checked(page, 'province-decision');
    await page.getByRole('button', { name: 'Ban hành quyết định công nhận' }).click();
    await page.getByRole('heading', { name: 'Quyết định số 1234/QĐ-UBND ngày 20/07/2025' }).waitFor();
    await province.context.close();

    const commune = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password);
    await commune.page.getByRole('link', { name: dossier.trackingCode }).first().click();
    await commune.page.getByRole('heading', { name: 'Quyết định số 1234/QĐ-UBND ngày 20/07/2025' }).waitFor();
    await checked(commune.page, 'dossier-recognised');
    const download = commune.page.waitForEvent('download');
    await commune.page.getByRole('link', { name: 'Tải quyết định (PDF)' }).click();
    const file = await (await download).path();
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số: 1234/QĐ-UBND');
    expect(text).toContain('Người ký thử');
    await commune.context.close();
  });
});
