import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { testConfig } from '@ntm/testing';
import { apiAs } from './portal/api.js';
import { launchChromium, pageProblems } from './portal/browser.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
type Report = {
  criteriaSet: { code: string };
  criteria: Array<{ code: string; name: string; notMet: number }>;
  summary: { communes: number; atStandard: number; recognised: number; sharePercent: number; averageMet: number; bands: Array<{ min: number; max: number; count: number }> };
  groups: Array<{ code: string; name: string; figures: { communes: number; atStandard: number } }>;
  change: { atStandard: number } | null;
  planned: Array<{ year: number; communes: Array<{ code: string; name: string; met: number; total: number; unmetCriteria: string[] }> }>;
};
/** The figures as the page writes them: a decimal comma, at most two decimals. */
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

beforeAll(async () => {
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
  // Status records the province made: Pha Mu meets every criterion since March, Sơn Bình ten, Giang Ma five since December.
  const office = await apiAs(stack, 'tinh.vpdp');
  const before = (await office('GET', '/reports/progress?unit=12&asOf=2025-06-16')).body as unknown as Report;
  const record = (unitCode: string, met: number, recordedOn: string) =>
    before.criteria.map((c, i) => ({ unitCode, criteriaSetCode: before.criteriaSet.code, criterionCode: c.code, recordedOn, met: i < met, source: 'appraisal' }));
  await office('POST', '/provinces/12/status-records', { records: [...record('110-03628', 19, '2025-03-31'), ...record('106-03413', 10, '2025-03-31'), ...record('106-03405', 5, '2024-12-31')] });
  // The province plans Giang Ma for this year.
  const planned = await office('PUT', '/provinces/12/targets', { targets: [{ unitCode: '106-03405', trackCode: 'COMMUNE_NTM', targetYear: 2025 }] });
  expect(planned.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("the province's progress report in the portal", () => {
  it('shows the provincial office the figures the API computes, with decimal commas, charts, a district to choose and the PDF to download', async () => {
    const office = await apiAs(stack, 'tinh.vpdp');
    const api = (await office('GET', '/reports/progress?unit=12&asOf=2025-06-16&compareTo=2025-01-15')).body as unknown as Report;
    expect(api.summary.atStandard).toBeGreaterThan(0);
    expect(api.change?.atStandard).toBe(1);

    const { context, page } = await signInThroughPortal(browser, stack.url, 'tinh.vpdp', stack.password);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByLabel('Số liệu đến ngày').fill('16/06/2025');
    await page.getByLabel('So sánh với ngày').fill('15/01/2025');
    await page.getByText('Lai Châu · số liệu đến ngày 16/06/2025', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'So với ngày 15/01/2025' }).waitFor();

    const figures = page.getByRole('region', { name: 'Số liệu chính' });
    await expect.poll(() => figures.textContent()).toContain(`${api.summary.atStandard}/${api.summary.communes} xã`);
    const shown = (await figures.textContent()) ?? '';
    expect(shown).toContain(`${vi(api.summary.sharePercent)}%`);
    expect(shown).toContain(`Bình quân tiêu chí/xã${vi(api.summary.averageMet)}`);
    expect(vi(api.summary.averageMet)).not.toContain('.');
    expect(shown).toContain(`${api.summary.recognised} xã`);

    const bands = page.getByRole('table', { name: 'Số xã theo nhóm số tiêu chí đạt' });
    const top = api.summary.bands.find((b) => b.min === 19);
    expect(await bands.getByRole('row').filter({ hasText: '19 tiêu chí' }).textContent()).toContain(`${top?.count}/${api.summary.communes}`);
    // Criteria names come from the catalog; each row's count is the API's.
    const first = api.criteria[0];
    expect(await page.getByRole('table', { name: 'Số xã chưa đạt từng tiêu chí' }).getByRole('row').nth(1).textContent()).toContain(`${first?.name}${first?.notMet}`);
    await page.getByRole('figure', { name: 'Biểu đồ số xã theo nhóm số tiêu chí đạt' }).waitFor();
    await page.getByRole('figure', { name: 'Biểu đồ số xã chưa đạt từng tiêu chí' }).waitFor();
    const thanUyen = api.groups.find((g) => g.code === '110');
    expect(await page.getByRole('table', { name: 'Kết quả theo huyện' }).getByRole('row').filter({ hasText: thanUyen?.name ?? '?' }).textContent()).toContain(`${thanUyen?.figures.atStandard}/${thanUyen?.figures.communes}`);
    // The communes planned this year, each with the criteria it still misses, named from the catalog.
    const giangMa = api.planned.find((p) => p.year === 2025)?.communes.find((c) => c.code === '106-03405');
    expect(giangMa?.met).toBe(5);
    const plannedRow = await page.getByRole('table', { name: 'Xã dự kiến đạt chuẩn trong năm 2025' }).getByRole('row').filter({ hasText: giangMa?.name ?? '?' }).textContent();
    expect(plannedRow).toContain(`5/${giangMa?.total}`);
    expect(plannedRow).toContain(api.criteria[5]?.name ?? '?');
    expect(await pageProblems(page, 'report-province')).toEqual([]);

    // The days stand in the address: opened again from it, the page shows the same report.
    expect(new URL(page.url()).search).toBe('?asOf=2025-06-16&compareTo=2025-01-15');
    await page.goto(page.url());
    await page.getByRole('heading', { name: 'So với ngày 15/01/2025' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Số liệu chính' }).textContent()).toContain(`${api.summary.atStandard}/${api.summary.communes} xã`);

    // The PDF through the portal's origin, with the session's token.
    const link = page.getByRole('link', { name: 'Tải PDF' });
    const download = page.waitForEvent('download');
    await link.click();
    const file = readFileSync((await (await download).path()) ?? '');
    expect(file.length).toBeGreaterThan(1000);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const answer = await context.request.get(new URL((await link.getAttribute('href')) ?? '', stack.url).toString());
    expect(answer.headers()['content-type']).toBe('application/pdf');

    // One district: the figures narrow to Than Uyên's.
    await page.getByRole('combobox', { name: 'Huyện', exact: true }).click();
    await page.getByRole('option', { name: thanUyen?.name ?? '?', exact: true }).click();
    await page.getByText(`${thanUyen?.name} · số liệu đến ngày 16/06/2025`).waitFor();
    await expect.poll(() => figures.textContent()).toContain(`${thanUyen?.figures.atStandard}/${thanUyen?.figures.communes} xã`);
    expect(await pageProblems(page, 'report-district')).toEqual([]);
    await context.close();
  });

  it('gives a commune officer no report link, and the not-found page at its address', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password, 360);
    expect(await page.getByRole('link', { name: 'Báo cáo' }).count()).toBe(0);
    await page.goto(`${stack.url}/bao-cao`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    expect(await page.getByRole('region', { name: 'Số liệu chính' }).count()).toBe(0);
    await context.close();
  });
});
