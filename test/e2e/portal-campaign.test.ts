import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { campaignBucketNames, campaignBuckets, vietnamDay } from '@ntm/domain';
import { testConfig } from '@ntm/testing';
import { apiAs } from './portal/api.js';
import { launchChromium, pageProblems } from './portal/browser.js';
import { campaignThroughApi, reappraisedThroughApi, reassessedThroughApi } from './portal/campaign.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
type View = { counts: Record<string, number>; items: Array<{ unitName: string; bucket: string }>; overdueDepartments: Array<{ departmentCode: string; departmentName: string; overdueCount: number }> };
/** The campaign view as the API answers it to the provincial office. */
let apiView: (query?: string) => Promise<View>;

// Pha Mu re-assessed on time and waits for its departments (due 20/6); Sơn Bình is re-appraised and maintained;
// Giang Ma and Thèn Sin never re-assessed (due 5/6). The view is read on 25/6/2025.
const units = { phaMu: '110-03628', sonBinh: '106-03413', giangMa: '106-03405', thenSin: '106-03394' };

beforeAll(async () => {
  stack = await startPortalStack(config, { today: '2025-06-25' });
  browser = await launchChromium();
  const rechecks = await campaignThroughApi(stack, Object.values(units), 2025);
  stack.receiveCommandsOn('2025-06-01');
  await reassessedThroughApi(stack, 'xa.phamu', rechecks.get(units.phaMu) ?? '');
  await reassessedThroughApi(stack, 'xa.sonbinh', rechecks.get(units.sonBinh) ?? '');
  await reappraisedThroughApi(stack, rechecks.get(units.sonBinh) ?? '');
  stack.receiveCommandsOn(null);
  const office = await apiAs(stack, 'tinh.vpdp');
  apiView = async (query = '') => (await office('GET', `/provinces/12/campaigns/2025?pageSize=500${query}`)).body as unknown as View;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const countsOn = (page: Page) => page.getByRole('group', { name: 'Số đơn vị theo tình trạng' }).getByRole('button').allTextContents();
const unitsIn = async (page: Page, table: string) => (await page.getByRole('table', { name: table }).getByRole('row').allTextContents()).slice(1);
const namesOf = (view: View) => view.items.map((i) => i.unitName).sort();

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe("the provincial office's re-check campaign page", () => {
  it('shows the overdue departments first, the API’s counts, the units behind a count and a department’s, all kept in the address', async () => {
    const all = await apiView();
    expect(all.counts).toMatchObject({ overdue: 3, maintained: 1 });
    expect(all.overdueDepartments.length).toBeGreaterThan(0);

    const { context, page } = await signInThroughPortal(browser, stack.url, 'tinh.vpdp', stack.password);
    await page.getByRole('link', { name: 'Rà soát', exact: true }).click();
    // Without a year in the address the page shows the year it is in Vietnam.
    await page.getByRole('heading', { name: `Rà soát duy trì đạt chuẩn năm ${vietnamDay(new Date()).slice(0, 4)}` }).waitFor();
    await page.getByLabel('Năm').fill('2025');
    await page.getByLabel('Năm').press('Enter');
    expect(new URL(page.url()).search).toBe('?year=2025');
    await expect.poll(() => countsOn(page)).toEqual(campaignBuckets.map((b) => `${all.counts[b] ?? 0}${campaignBucketNames[b]}`));
    // The overdue departments come before the counts, most overdue first.
    const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Sở, ngành quá hạn thẩm định lại', 'Số đơn vị theo tình trạng']);
    // The five most overdue stand first; the rest on demand.
    expect(await unitsIn(page, 'Sở, ngành quá hạn thẩm định lại')).toHaveLength(Math.min(5, all.overdueDepartments.length));
    if (all.overdueDepartments.length > 5) await page.getByRole('button', { name: `Xem cả ${all.overdueDepartments.length} sở, ngành` }).click();
    const departmentRows = await unitsIn(page, 'Sở, ngành quá hạn thẩm định lại');
    expect(departmentRows.map((r) => all.overdueDepartments.find((d) => r.startsWith(d.departmentName))?.departmentCode)).toEqual(all.overdueDepartments.map((d) => d.departmentCode));
    expect(await pageProblems(page, 'campaign')).toEqual([]);

    // A count lists the re-checks behind it: stage, due date dd/mm/yyyy and the overdue mark.
    await page.getByRole('button', { name: new RegExp(campaignBucketNames.overdue) }).click();
    expect(new URL(page.url()).searchParams.get('bucket')).toBe('overdue');
    const overdue = await apiView('&bucket=overdue');
    await expect.poll(async () => (await unitsIn(page, 'Đơn vị: Quá hạn')).length).toBe(3);
    const rows = await unitsIn(page, 'Đơn vị: Quá hạn');
    expect(overdue.items.map((i) => i.unitName).every((name) => rows.some((r) => r.startsWith(name)))).toBe(true);
    const giangMa = rows.find((r) => r.includes('Giang Ma')) ?? '';
    expect(giangMa).toContain('Huyện Tam Đường');
    expect(giangMa).toContain('05/06/2025');
    expect(giangMa).toContain('Quá hạn');
    expect(rows.find((r) => r.includes('Pha Mu'))).toContain('20/06/2025');

    // A department: the units it re-appraises this round (Pha Mu's and Sơn Bình's departments), in the address too.
    const department = all.overdueDepartments[0] ?? { departmentCode: '', departmentName: '' };
    await choose(page, 'Sở, ngành', department.departmentName);
    expect(new URL(page.url()).searchParams.get('department')).toBe(department.departmentCode);
    const filtered = await apiView(`&bucket=overdue&department=${department.departmentCode}`);
    expect(namesOf(filtered)).toEqual(['Xã Pha Mu']);
    await expect.poll(async () => (await unitsIn(page, 'Đơn vị: Quá hạn')).map((r) => r.slice(0, 'Xã Pha Mu'.length))).toEqual(namesOf(filtered));
    await expect.poll(() => countsOn(page)).toEqual(campaignBuckets.map((b) => `${filtered.counts[b] ?? 0}${campaignBucketNames[b]}`));
    expect(await pageProblems(page, 'campaign-filtered')).toEqual([]);

    // The address is the page: opened anew it shows the same.
    await page.goto(page.url());
    await expect.poll(async () => (await unitsIn(page, 'Đơn vị: Quá hạn')).length).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Sở, ngành', exact: true }).inputValue()).toBe(department.departmentName);
    await context.close();
  });

  it('gives a commune officer no link and the not-found page at its address', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password, 360);
    expect(await page.getByRole('link', { name: 'Rà soát', exact: true }).count()).toBe(0);
    await page.goto(`${stack.url}/ra-soat?year=2025`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    expect(await page.getByRole('heading', { name: /Rà soát duy trì/ }).count()).toBe(0);
    expect(await pageProblems(page, 'campaign-commune-not-found')).toEqual([]);
    await context.close();
  });
});
