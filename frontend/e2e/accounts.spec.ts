import { expect } from '@playwright/test';
import { adminPassword, basic, expectAccessible, guideScreenshot, signIn, test } from './support';

test('the admin creates an account, resets its password and disables it', async ({ page, request }) => {
  test.skip(!adminPassword, 'ADMIN_PASSWORD not set');
  await signIn(page, 'admin', adminPassword);
  const nav = page.getByRole('navigation', { name: 'Civiquiz' });
  await expect(nav.getByRole('link', { name: 'Quản lý cuộc thi' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Hội đồng xét giải' })).toBeVisible();
  await nav.getByRole('link', { name: 'Tài khoản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản Ban tổ chức' })).toBeVisible();

  const username = `nguyen.van.a-${Date.now() % 1_000_000}`;
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Hội đồng xét giải' });
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-2027');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText(`Đã tạo tài khoản ${username}.`)).toBeVisible();
  const row = page
    .getByTestId('accounts')
    .locator('tr', { has: page.getByRole('rowheader', { name: username, exact: true }) });
  await expect(row).toContainText('Đang hoạt động');
  await expect(row.getByRole('combobox')).toHaveValue('COMMITTEE');
  const allowed = await request.get('/api/admin/contests', { headers: basic(username, 'mat-khau-ban-dau-2027') });
  expect(allowed.status()).toBe(200);

  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await row.getByLabel(`Mật khẩu mới cho ${username}`).fill('mat-khau-moi-cua-hoi-dong');
  await guideScreenshot(page, 'to-chuc-tai-khoan');
  await expectAccessible(page, 'accounts');
  await row.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText(`Đã lưu thay đổi của ${username}.`)).toBeVisible();
  const newPassword = await request.get('/api/admin/contests', {
    headers: basic(username, 'mat-khau-moi-cua-hoi-dong'),
  });
  expect(newPassword.status()).toBe(200);

  // a disabled account cannot sign in
  await row.getByRole('button', { name: 'Khóa', exact: true }).click();
  await expect(row).toContainText('Đã khóa');
  const refused = await request.get('/api/admin/contests', { headers: basic(username, 'mat-khau-moi-cua-hoi-dong') });
  expect(refused.status()).toBe(401);
});
