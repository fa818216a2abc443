import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testConfig } from '@ntm/testing';
import { apiAs } from './portal/api.js';
import { launchChromium, pageProblems } from './portal/browser.js';
import { signInThroughPortal } from './portal/session.js';
import { startPortalStack, type PortalStack } from './portal/stack.js';

const config = testConfig();
let stack: PortalStack;
let browser: Browser;
let admin: Page;
/** The dossier API as the administrator, to check what the pages did (one sign-in: logins are rate-limited). */
let adminApi: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  stack = await startPortalStack(config, { today: '2025-06-16' });
  browser = await launchChromium();
  admin = (await signInThroughPortal(browser, stack.url, 'quantri', stack.password)).page;
  adminApi = await apiAs(stack, 'quantri');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const exportLaiChau = async () => (await adminApi('GET', '/catalog/provinces/12/export')).body;

/** Chooses a file for the page's file field, as a person picking it from their disk. */
async function chooseFile(page: Page, name: string, mimeType: string, content: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
}

describe('the system administrator in the portal: the catalog, users and grants', () => {
  it('dry-runs a catalog file, shows the list of changes before anything is written, then applies it', async () => {
    await admin.getByRole('heading', { name: 'Người dùng', exact: true }).waitFor();
    await admin.getByRole('link', { name: 'Danh mục' }).click();
    await admin.getByRole('heading', { name: 'Nhập danh mục' }).waitFor();
    expect(await pageProblems(admin, 'admin-catalog')).toEqual([]);

    const { province } = await exportLaiChau();
    const file = {
      format: 'ntm-catalog/1',
      province,
      departments: [{ code: 'SXD', name: 'Sở Xây dựng tỉnh Lai Châu', level: 'province', districtCode: null }],
      holidays: [{ date: '2026-12-31', name: 'Ngày nghỉ bù (thử nghiệm)' }],
    };
    await chooseFile(admin, 'danh-muc.json', 'application/json', JSON.stringify(file));
    await admin.getByRole('button', { name: 'Chạy thử' }).click();
    await admin.getByRole('heading', { name: 'Kết quả chạy thử: 2 thay đổi' }).waitFor();
    const changes = admin.getByRole('region', { name: 'Danh sách thay đổi' });
    expect(await changes.textContent()).toContain('Cập nhật sở, ngành SXD (Sở Xây dựng tỉnh Lai Châu)');
    expect(await changes.textContent()).toContain('Thêm ngày nghỉ lễ 31/12/2026 (Ngày nghỉ bù (thử nghiệm))');
    // The dry run wrote nothing.
    const holidays = async () => ((await adminApi('GET', '/catalog/provinces/12/holidays')).body as unknown as Array<{ date: string }>).map((h) => h.date);
    expect(await holidays()).not.toContain('2026-12-31');
    expect(await pageProblems(admin, 'admin-catalog-dry-run')).toEqual([]);

    await admin.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('2 thay đổi đã được ghi vào danh mục');
    expect(await holidays()).toContain('2026-12-31');
    const departments = (await adminApi('GET', '/catalog/provinces/12/departments')).body as unknown as Array<{ code: string; name: string }>;
    expect(departments.find((d) => d.code === 'SXD')?.name).toBe('Sở Xây dựng tỉnh Lai Châu');
    expect(await pageProblems(admin, 'admin-catalog-applied')).toEqual([]);
  });

  it('refuses a bad catalog file and a bad units CSV with the API\'s errors in Vietnamese, and changes nothing', async () => {
    const before = await exportLaiChau();
    await admin.goto(`${stack.url}/quan-tri/danh-muc`);
    const { province } = before;
    await chooseFile(admin, 'sai.json', 'application/json', JSON.stringify({ format: 'ntm-catalog/1', province, departments: [{ code: 'SXD', name: '', level: 'ward' }] }));
    await admin.getByRole('button', { name: 'Chạy thử' }).click();
    const alert = admin.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Tệp danh mục không hợp lệ; không có thay đổi nào được ghi.');
    expect(await alert.textContent()).toContain('departments, mục 1, level:');
    expect(await admin.getByRole('button', { name: 'Áp dụng' }).count()).toBe(0);

    await admin.getByText('Đơn vị (CSV)').click();
    await admin.getByRole('combobox', { name: 'Tỉnh' }).click();
    await admin.getByRole('option', { name: 'Tỉnh Lai Châu' }).click();
    const csv = 'code,name,level,parent_code,valid_from,valid_to\n106-99001,Xã Thử Một,commune,106,2020-01-01,\n106-99002,,hamlet,106,2020-01-01,\n';
    await chooseFile(admin, 'don-vi.csv', 'text/csv', csv);
    await admin.getByRole('button', { name: 'Chạy thử' }).click();
    await expect.poll(() => alert.textContent()).toContain('Tệp CSV không hợp lệ; không có thay đổi nào được ghi.');
    expect(await alert.textContent()).toMatch(/Dòng 3, cột (name|level):/);
    expect(await alert.textContent()).not.toContain('Dòng 2');
    expect(await admin.getByRole('button', { name: 'Áp dụng' }).count()).toBe(0);
    expect(await pageProblems(admin, 'admin-catalog-refused')).toEqual([]);
    expect(await exportLaiChau()).toEqual(before);
  });

  it('creates a user with a commune grant, who then signs in and sees that commune\'s dossiers; disabling them stops their sign-in', async () => {
    const sonBinh = await apiAs(stack, 'xa.sonbinh');
    const id = randomUUID();
    await sonBinh('POST', '/dossiers', { commandId: id, unitCode: '106-03413', trackCode: 'COMMUNE_NTM', year: 2025 });
    const trackingCode = String((await sonBinh('GET', `/dossiers/${id}`)).body.trackingCode);

    await admin.goto(`${stack.url}/quan-tri/nguoi-dung`);
    await admin.getByRole('link', { name: 'Thêm người dùng' }).click();
    await admin.getByRole('heading', { name: 'Thêm người dùng' }).waitFor();
    await admin.getByLabel('Tên đăng nhập').fill('xa.sonbinh.moi');
    await admin.getByLabel('Họ tên').fill('Công chức xã Sơn Bình (mới)');
    await admin.getByLabel('Mật khẩu', { exact: false }).first().fill('mat-khau-moi-2025');
    await admin.getByRole('button', { name: 'Thêm quyền' }).click();
    const grant = admin.getByRole('group', { name: 'Quyền 1' });
    expect(await grant.getByLabel('Vai trò').inputValue()).toBe('Công chức xã');
    await grant.getByLabel('Xã phụ trách').fill('son binh');
    await admin.getByRole('option', { name: 'Xã Sơn Bình (106-03413)' }).click();
    expect(await pageProblems(admin, 'admin-user-new')).toEqual([]);
    await admin.getByRole('button', { name: 'Tạo người dùng' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Đã tạo người dùng.');
    await expect.poll(() => admin.url()).toMatch(/\/quan-tri\/nguoi-dung\/xa\.sonbinh\.moi$/);
    const created = (await adminApi('GET', '/users/xa.sonbinh.moi')).body;
    expect(created.grants).toEqual([{ role: 'commune_officer', unitCode: '106-03413', departmentCode: null }]);
    expect(await pageProblems(admin, 'admin-user')).toEqual([]);

    await admin.getByRole('link', { name: 'Người dùng', exact: true }).click();
    await admin.getByLabel('Tìm người dùng').fill('sonbinh.moi');
    const rows = admin.getByRole('table', { name: 'Danh sách người dùng' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    // The unit by its catalog name, not its code.
    const unitName = String((await adminApi('GET', '/catalog/units/106-03413')).body.name);
    await expect.poll(() => rows.nth(1).textContent()).toContain(`Công chức xã · ${unitName}`);
    // A department officer's grant: the province's and the department's names.
    const [nnmt] = (await adminApi('GET', '/users/so.nnmt')).body.grants as Array<{ unitCode: string; departmentCode: string }>;
    if (!nnmt) throw new Error('the seeded user so.nnmt has no grant');
    const provinceName = String((await adminApi('GET', `/catalog/units/${nnmt.unitCode}`)).body.name);
    const departments: unknown = (await adminApi('GET', `/catalog/provinces/${nnmt.unitCode}/departments`)).body;
    const departmentName = (departments as Array<{ code: string; name: string }>).find((d) => d.code === nnmt.departmentCode)?.name;
    expect(departmentName).toBeTruthy();
    await admin.getByLabel('Tìm người dùng').fill('so.nnmt');
    await expect.poll(() => rows.nth(1).textContent()).toContain(`${provinceName} · ${departmentName}`);
    expect(await pageProblems(admin, 'admin-users-department')).toEqual([]);
    await admin.getByLabel('Tìm người dùng').fill('sonbinh.moi');
    await expect.poll(() => rows.nth(1).textContent()).toContain('xa.sonbinh.moi');
    expect(await pageProblems(admin, 'admin-users')).toEqual([]);
    // On a phone the header keeps "Đăng xuất" in view; the links between the administrator's pages move into the page.
    await admin.setViewportSize({ width: 360, height: 800 });
    const signOut = await admin.getByRole('button', { name: 'Đăng xuất' }).boundingBox();
    expect((signOut?.x ?? 999) + (signOut?.width ?? 0)).toBeLessThanOrEqual(360);
    await admin.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Danh mục' }).waitFor();
    await admin.setViewportSize({ width: 1280, height: 900 });

    const user = await signInThroughPortal(browser, stack.url, 'xa.sonbinh.moi', 'mat-khau-moi-2025');
    await user.page.getByRole('row').filter({ hasText: trackingCode }).waitFor();
    expect(await user.page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    await user.context.close();

    await admin.getByRole('link', { name: 'xa.sonbinh.moi' }).click();
    await admin.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Đã khóa tài khoản.');
    const login = await fetch(`${stack.dossierApiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'xa.sonbinh.moi', password: 'mat-khau-moi-2025' }) });
    expect(login.status).toBe(401);
  });

  it('shows the grants the API refuses beside the field, in Vietnamese, and creates nothing', async () => {
    await admin.goto(`${stack.url}/quan-tri/them-nguoi-dung`);
    await admin.getByLabel('Tên đăng nhập').fill('so.thieu');
    await admin.getByLabel('Họ tên').fill('Cán bộ sở thiếu sở');
    await admin.getByRole('button', { name: 'Thêm quyền' }).click();
    const grant = admin.getByRole('group', { name: 'Quyền 1' });
    await grant.getByLabel('Vai trò').click();
    await admin.getByRole('option', { name: 'Cán bộ sở, ngành' }).click();
    await admin.getByRole('button', { name: 'Tạo người dùng' }).click();
    await expect.poll(() => grant.textContent()).toContain('Vai trò cán bộ sở, ngành cần mã tỉnh phụ trách.');
    expect(await grant.textContent()).toContain('Vai trò cán bộ sở, ngành cần mã sở, ngành.');
    expect(await admin.getByRole('alert').first().textContent()).toContain('Thông tin người dùng không hợp lệ');
    expect(await stack.db.user.findUnique({ where: { username: 'so.thieu' } })).toBeNull();

    // With the province chosen, its departments come from the catalog.
    await grant.getByLabel('Tỉnh phụ trách').fill('lai chau');
    await admin.getByRole('option', { name: 'Tỉnh Lai Châu (12)' }).click();
    await grant.getByLabel('Sở, ngành').click();
    await admin.getByRole('option', { name: 'Sở Giao thông vận tải (SGTVT)' }).click();
    expect(await pageProblems(admin, 'admin-user-refused')).toEqual([]);
    expect(await grant.textContent()).not.toContain('cần mã');
    await admin.getByRole('button', { name: 'Tạo người dùng' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toContain('Đã tạo người dùng.');
    expect((await stack.db.user.findUniqueOrThrow({ where: { username: 'so.thieu' }, include: { grants: true } })).grants.map((g) => [g.role, g.unitCode, g.departmentCode])).toEqual([['department_officer', '12', 'SGTVT']]);
  });

  it('gives anyone else the not-found page at the administrator\'s addresses, and none of its data', async () => {
    const { context, page } = await signInThroughPortal(browser, stack.url, 'xa.phamu', stack.password);
    const adminCalls: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/dossier\/(users|catalog\/import)/.test(r.url())) adminCalls.push(r.url());
    });
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Danh mục' }).count()).toBe(0);
    for (const path of ['/quan-tri/nguoi-dung', '/quan-tri/nguoi-dung/quantri', '/quan-tri/them-nguoi-dung', '/quan-tri/danh-muc']) {
      await page.goto(`${stack.url}${path}`);
      await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
      expect(await page.content()).not.toContain('quantri');
      expect(await page.content()).not.toContain('Quản trị hệ thống');
    }
    expect(adminCalls).toEqual([]);
    expect(await pageProblems(page, 'admin-not-found')).toEqual([]);
    // The API refuses them too, whatever the page shows.
    expect((await page.request.get(`${stack.url}/api/dossier/users`)).status()).toBe(403);
    await context.close();
  });
});
