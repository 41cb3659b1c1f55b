import { expect } from '@playwright/test';
import {
  contest,
  contestDetails,
  expectAccessible,
  guideScreenshot,
  newPhone,
  organizerPassword,
  screenshot,
  test,
} from './support';

test('the organizer dashboard updates its histogram when someone else submits', async ({ page, request }) => {
  await page.goto('/admin.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập Ban tổ chức' })).toBeVisible();
  await expectAccessible(page, 'organizer sign-in');
  await guideScreenshot(page, 'to-chuc-dang-nhap');

  await page.getByLabel('Tên đăng nhập').fill('organizer');
  await page.getByLabel('Mật khẩu').fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.');

  await page.getByLabel('Mật khẩu').fill(organizerPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chọn cuộc thi' })).toBeVisible();
  await page.goto(`/admin.html#/c/${contest}`);
  await expect(page.getByTestId('stream-status')).toContainText('Trực tiếp');
  // the contest draws from the bundled bank, whose answers are public: said, with the way out
  const publicBank = page.getByTestId('public-bank-warning');
  await expect(publicBank).toContainText('là bộ công khai (đi kèm mã nguồn, ai cũng xem được đáp án)');
  await expect(publicBank.getByRole('link', { name: 'Nhập bộ câu hỏi riêng' })).toHaveAttribute(
    'href',
    `#/manage/${contest}/questions`,
  );
  const histogram = page.getByTestId('histogram');
  await expect(histogram).toBeVisible();
  const before = Number(await histogram.getAttribute('data-count'));
  const zeroBar = histogram.locator('rect[data-score="0"]');
  const zerosBefore = Number(await zeroBar.getAttribute('data-count'));

  // another participant, through the API: registers and submits nothing (scores 0)
  const details = await contestDetails(request);
  const started = await request.post(`/api/contests/${contest}/attempts`, {
    data: {
      fullName: 'Lê Văn Cường',
      phone: newPhone(),
      unitCode: details.units[0].code,
      district: details.districts[0],
      birthYear: 1979,
      consent: true,
    },
  });
  expect(started.status()).toBe(201);
  const attempt = (await started.json()) as { attemptId: string; token: string };
  const submitted = await request.post(`/api/attempts/${attempt.attemptId}/submission`, {
    headers: { 'X-Attempt-Token': attempt.token },
    data: { answers: [], prediction: 100 },
  });
  expect(submitted.status()).toBe(200);

  await expect(histogram).toHaveAttribute('data-count', String(before + 1));
  await expect(zeroBar).toHaveAttribute('data-count', String(zerosBefore + 1));
  await expect(page.getByTestId('units')).toContainText(details.units[0].name);
  await expect(page.getByRole('heading', { name: 'Câu hỏi khó nhất' })).toBeVisible();

  // the unit table sorts by a column header
  await page.getByTestId('units').getByRole('button', { name: 'Sắp xếp theo Đơn vị' }).click();
  await expect(page.getByTestId('units').locator('th[aria-sort]')).toContainText('Đơn vị');
  await screenshot(page, 'organizer-1-dashboard');
  await guideScreenshot(page, 'to-chuc-bang-dieu-khien');
  await guideScreenshot(
    page,
    'to-chuc-bang-dieu-khien-don-vi',
    page.getByRole('heading', { name: 'Theo đơn vị', exact: true }),
  );
  await expectAccessible(page, 'organizer dashboard');

  // the API gives a script a 401 without a Basic challenge (no browser login dialog)
  const refused = await request.get(`/api/admin/contests/${contest}/stats`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBeUndefined();
});
