import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testConfig } from '@ntm/testing';
import { apiAs, awaitingDecisionThroughApi, submittedThroughApi } from './portal/api.js';
import { launchChromium, pageProblems } from './portal/browser.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
type Dossier = { id: string; trackingCode: string };
/** Than Uyên: submitted, appraised and confirmed through the API; waits for the province's decision. */
let phaMu: Dossier;
/** Tam Đường: submitted, under appraisal. */
let sonBinh: Dossier;
/** Tam Đường: opened on 1 May 2025, its self-assessment (30 days) long overdue. */
let giangMa: Dossier;

beforeAll(async () => {
  // 16 June 2025: before Lai Châu's two-tier reform, so the dossiers keep their districts and district stage.
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
  phaMu = await submittedThroughApi(stack, 'xa.phamu', '110-03628');
  sonBinh = await submittedThroughApi(stack, 'xa.sonbinh', '106-03413');
  const giangMaId = randomUUID();
  giangMa = (await (await apiAs(stack, 'xa.giangma'))('POST', '/dossiers', { commandId: giangMaId, unitCode: '106-03405', trackCode: 'COMMUNE_NTM', year: 2025 })).body as Dossier;
  // The workflow dates the opening move by the system clock: put it back on 1 May 2025.
  await stack.db.dossierEvent.updateMany({ where: { dossierId: giangMaId, toStage: { not: null } }, data: { occurredAt: new Date('2025-05-01T03:00:00Z') } });
  await awaitingDecisionThroughApi(stack, phaMu.id, 'huyen.thanuyen');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const codesIn = async (page: Page) => {
  const rows = page.getByRole('table', { name: 'Danh sách hồ sơ' }).getByRole('row');
  const texts = await rows.allTextContents();
  return [phaMu, sonBinh, giangMa].filter((d) => texts.some((t) => t.includes(d.trackingCode))).map((d) => d.trackingCode).sort();
};
const listed = (...dossiers: Dossier[]) => dossiers.map((d) => d.trackingCode).sort();

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe("the provincial office's dossiers of the province, a refusal, and the public pages from the sign-in page", () => {
  it('filters the province’s dossiers by district and by stage (names from the catalog), keeping the filters in a shareable address', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'tinh.vpdp', stack.password);
    await expect.poll(() => codesIn(page)).toEqual(listed(phaMu, sonBinh, giangMa));

    await choose(page, 'Huyện', 'Huyện Tam Đường');
    await expect.poll(() => codesIn(page)).toEqual(listed(sonBinh, giangMa));
    expect(new URL(page.url()).searchParams.get('district')).toBe('106');
    await choose(page, 'Loại hồ sơ', 'Xã đạt chuẩn nông thôn mới');
    await choose(page, 'Bước hiện tại', 'Thẩm định theo tiêu chí được phân công');
    await expect.poll(() => codesIn(page)).toEqual(listed(sonBinh));
    expect(new URL(page.url()).search).toBe('?district=106&track=COMMUNE_NTM&stage=APPRAISAL');
    expect(await pageProblems(page, 'province-dossiers-filtered')).toEqual([]);

    // The address is the list: opened anew it shows the same; the late filter shows Giang Ma, marked late.
    await page.goto(`${stack.url}/?stage=RECOGNITION`);
    await expect.poll(() => codesIn(page)).toEqual(listed(phaMu));
    await page.goto(`${stack.url}/?late=true`);
    await expect.poll(() => codesIn(page)).toEqual(listed(giangMa));
    const late = page.getByRole('row').filter({ hasText: giangMa.trackingCode });
    expect(await late.textContent()).toContain('Trễ hạn từ 31/05/2025');
    expect(await late.textContent()).toContain('Huyện Tam Đường');
    expect(await page.getByRole('combobox', { name: 'Thời hạn', exact: true }).inputValue()).toBe('Trễ hạn');
    expect(await pageProblems(page, 'province-dossiers-late')).toEqual([]);
    await context.close();

    // A district officer filters its district's dossiers the same way, without a district to choose.
    const district = await signInThroughPortal(browser, stack.url, 'huyen.thanuyen', stack.password, 360);
    await district.page.getByRole('link', { name: new RegExp(phaMu.trackingCode) }).waitFor();
    expect(await district.page.getByRole('combobox', { name: 'Huyện', exact: true }).count()).toBe(0);
    await choose(district.page, 'Loại hồ sơ', 'Xã đạt chuẩn nông thôn mới');
    await choose(district.page, 'Bước hiện tại', 'Thẩm định theo tiêu chí được phân công');
    await district.page.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor();
    expect(await pageProblems(district.page, 'district-dossiers-filtered')).toEqual([]);
    await district.context.close();
  });

  it('refuses a dossier with reasons from its page; the commune officer then reads the reasons', async () => {
    const office = await signInThroughPortal(browser, stack.url, 'tinh.vpdp', stack.password);
    await office.page.getByRole('link', { name: phaMu.trackingCode }).click();
    const reasons = 'Tiêu chí môi trường chưa đạt theo kết quả kiểm tra thực tế của tỉnh.';
    await office.page.getByLabel('Lý do không công nhận').fill(reasons);
    await office.page.getByRole('button', { name: 'Không công nhận' }).click();
    await office.page.getByRole('heading', { name: 'Quyết định không công nhận' }).waitFor();
    expect(await pageProblems(office.page, 'province-refused')).toEqual([]);
    await office.context.close();

    const commune = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password, 360);
    await commune.page.getByRole('link', { name: new RegExp(phaMu.trackingCode) }).first().click();
    await commune.page.getByRole('heading', { name: 'Quyết định không công nhận' }).waitFor();
    await commune.page.getByText(reasons).waitFor();
    expect(await pageProblems(commune.page, 'dossier-refused-commune')).toEqual([]);
    await commune.context.close();
  });

  it('leads from the sign-in page, without signing in, to the tracking lookup and to the decision verification served by the dossier API', async () => {
    const office = await apiAs(stack, 'tinh.vpdp');
    const registered = (await office('POST', '/provinces/12/registered-recognitions', { unitCode: '106-03394', trackCode: 'COMMUNE_NTM', year: 2019, decisionNumber: '2345/QĐ-UBND', signedOn: '2019-12-27', signer: 'Nguyễn Văn Thử', signerTitle: 'Phó Chủ tịch' })).body as { decisionId: string };

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await pageProblems(page, 'sign-in-public-links')).toEqual([]);

    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByLabel('Mã hồ sơ').fill(sonBinh.trackingCode);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText(`Hồ sơ ${sonBinh.trackingCode}`).waitFor();
    expect(new URL(page.url()).search).toBe(`?ma=${encodeURIComponent(sonBinh.trackingCode)}`);
    await page.getByText('Bước hiện tại: Thẩm định theo tiêu chí được phân công').waitFor();
    expect(await page.getByRole('table', { name: 'Phiếu kiểm soát quá trình' }).getByRole('row').count()).toBe(3);
    expect(await pageProblems(page, 'tracking-lookup')).toEqual([]);
    await page.getByLabel('Mã hồ sơ').fill('12-2025-KHONGCO');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Không có hồ sơ với mã "12-2025-KHONGCO".');

    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Xác thực quyết định' }).click();
    await page.getByLabel('Địa chỉ hoặc mã quyết định').fill('không phải mã');
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByRole('alert').waitFor();
    expect(await pageProblems(page, 'verify-decision')).toEqual([]);
    // The address read from the QR code works as well as the bare code.
    await page.getByLabel('Địa chỉ hoặc mã quyết định').fill(`http://ntm.test/public/decisions/${registered.decisionId}`);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await page.waitForURL(`${stack.url}/api/dossier/public/decisions/${registered.decisionId}`);
    await page.getByText('2345/QĐ-UBND').first().waitFor();
    expect(await page.content()).toContain('Thèn Sin');
    expect(await pageProblems(page, 'decision-verified')).toEqual([]);
    await context.close();
  });
});
