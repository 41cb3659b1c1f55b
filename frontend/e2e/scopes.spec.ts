import { expect } from '@playwright/test';
import { adminPassword, contest, contestDetails, expectAccessible, guideScreenshot, signIn, test } from './support';

test('the admin creates a unit-scoped organizer, whose dashboard shows only its unit', async ({
  page,
  browser,
  request,
}) => {
  test.skip(!adminPassword, 'ADMIN_PASSWORD not set');
  const details = await contestDetails(request);
  const unit = details.units.find((u) => u.code === 'HP-LMHTX') ?? details.units[details.units.length - 1];

  await signIn(page, 'admin', adminPassword);
  await page.getByRole('navigation', { name: 'Civiquiz' }).getByRole('link', { name: 'Tài khoản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản Ban tổ chức' })).toBeVisible();
  const username = `to-chuc-don-vi-${Date.now() % 1_000_000}`;
  const password = 'mat-khau-to-chuc-don-vi';
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu ban đầu').fill(password);
  const scope = page.getByTestId('new-scope');
  await scope.getByLabel('Chỉ các cuộc thi được chọn').check();
  await scope.getByRole('checkbox', { name: `(${contest})` }).check();
  const units = scope.getByRole('group', { name: `Đơn vị trong ${details.title}` });
  await units.getByRole('checkbox', { name: `(${unit.code})` }).check();
  await guideScreenshot(page, 'to-chuc-pham-vi', scope);
  await expectAccessible(page, 'accounts with a scope');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText(`Đã tạo tài khoản ${username}.`)).toBeVisible();
  const row = page
    .getByTestId('accounts')
    .locator('tr', { has: page.getByRole('rowheader', { name: username, exact: true }) });
  await expect(row.getByTestId('scope')).toHaveText(`${contest}: ${unit.code}`);

  // the organizer, in a browser of their own, on a phone's width
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const organizer = await context.newPage();
  await signIn(organizer, username, password);
  await expect(organizer.getByRole('heading', { level: 1, name: 'Chọn cuộc thi' })).toBeVisible();
  await expect(organizer.getByRole('link', { name: details.title })).toBeVisible();
  await organizer.getByRole('link', { name: details.title }).click();
  await expect(organizer.getByTestId('stream-status')).toContainText('Trực tiếp');
  await expect(organizer.getByTestId('unit-scope')).toContainText(unit.name);
  const table = organizer.getByTestId('units');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText(unit.name);
  const overflow = await organizer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(organizer, 'unit-scoped dashboard');
  await guideScreenshot(organizer, 'to-chuc-pham-vi-thong-ke');

  // what needs the whole contest is refused, said with its own code
  const refused = await organizer.evaluate(async (slug) => {
    const response = await fetch(`/api/admin/contests/${slug}/prize-plan`, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    });
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  }, contest);
  expect(refused).toEqual({ status: 403, code: 'WHOLE_CONTEST_REQUIRED' });
  await context.close();
});
