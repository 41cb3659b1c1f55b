import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import {
  awardContest,
  committeePassword,
  expectAccessible,
  guideScreenshot,
  screenshot,
  signIn,
  test,
} from './support';

test('the award committee finalizes a closed round, reads why each rank, downloads the list, then reopens it', async ({
  page,
}) => {
  test.skip(!awardContest, 'AWARD_CONTEST not set');
  // script errors only: the browser also logs each refused request (404 before the list is finalized, 409)
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  await signIn(page, 'committee', committeePassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Hội đồng xét giải: chọn cuộc thi' })).toBeVisible();
  // the committee's navigation: the dashboard and its own pages, no contest management
  const nav = page.getByRole('navigation', { name: 'Civiquiz' });
  await expect(nav.getByRole('link', { name: 'Thống kê trực tiếp' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Hội đồng xét giải' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Quản lý cuộc thi' })).toHaveCount(0);

  await page.getByRole('link', { name: `Test ${awardContest}` }).click();
  await expect(page.getByTestId('list-state')).toHaveText('Danh sách chưa được chốt.');
  await page.getByRole('button', { name: 'Chốt danh sách đoạt giải' }).click();
  await expect(page.getByRole('heading', { name: 'Chốt danh sách cho Vòng 1: Tuần 1?' })).toBeFocused();
  await screenshot(page, 'committee-1-confirm');
  await guideScreenshot(page, 'hoi-dong-xac-nhan-chot');
  await page.getByRole('button', { name: 'Xác nhận chốt' }).click();
  await expect(page.getByTestId('list-state')).toHaveText('Danh sách đã được chốt.');

  // 20/20 first; the two on 18 apart by their prediction (the actual value is 1: one 20/20)
  const rows = page.getByTestId('winners').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Trần Thị Bình');
  await expect(rows.nth(0)).toContainText('Giải Nhất');
  await expect(rows.nth(0).locator('td[data-reason]')).toHaveText('Điểm cao hơn người xếp ngay sau');
  await expect(rows.nth(1)).toContainText('Lê Hoàng Cường');
  await expect(rows.nth(1)).toContainText('Giải Nhì');
  await expect(rows.nth(1).locator('td[data-reason]')).toHaveText(
    'Hòa các tiêu chí trước; dự đoán gần giá trị thực hơn',
  );
  await expect(rows.nth(2)).toContainText('Nguyễn Văn Ân');
  await expect(rows.nth(2).locator('td[data-reason]')).toHaveAttribute('data-reason', 'LAST');
  await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('list-facts')).toContainText('committee');
  await expect(page.getByTestId('unit-prizes')).toContainText('Hợp tác xã Nông nghiệp Đồng Tâm');
  await expect(page.getByTestId('award-log')).toContainText('Chốt danh sách');

  // the three attempts were submitted within a second, with 18 or 20 right: each is flagged, with its figures
  await expect(page.getByRole('heading', { level: 2, name: 'Dấu hiệu bất thường: Vòng 1: Tuần 1' })).toBeVisible();
  await expect(page.getByTestId('flags-state')).toHaveText('3 bài thi có dấu hiệu');
  await expect(page.getByTestId('flags-summary').locator('dd[data-kind="TOO_FAST"]')).toHaveText('3');
  const flagRows = page.getByTestId('integrity-flags').locator('tbody tr');
  await expect(flagRows).toHaveCount(3);
  await expect(flagRows.first()).toContainText('Làm bài quá nhanh');
  await expect(flagRows.first()).toContainText('dưới thời gian đọc tối thiểu 60 giây');
  await expect(page.getByTestId('winners').getByTestId('winner-flag')).toHaveCount(3);
  await expect(rows.nth(0).getByTestId('winner-flag')).toHaveText(/Làm bài quá nhanh/);
  await screenshot(page, 'committee-2-winners');
  await guideScreenshot(
    page,
    'hoi-dong-danh-sach-dat-giai',
    page.getByRole('heading', { name: 'Thông tin danh sách', exact: true }),
  );
  await guideScreenshot(page, 'hoi-dong-tai-ve', page.getByRole('heading', { name: 'Tải về', exact: true }));
  await guideScreenshot(
    page,
    'hoi-dong-dau-hieu-bat-thuong',
    page.getByRole('heading', { level: 2, name: /^Dấu hiệu bất thường/ }),
  );
  await expectAccessible(page, 'committee winners');

  // the downloads, fetched with the credentials and saved under the server's file name
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`winners-${awardContest}-round-1.csv`);
  const csvBytes = await readFile(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.toString('utf8')).toContain('Trần Thị Bình');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`winners-${awardContest}-round-1.xlsx`);
  const xlsxBytes = await readFile(await xlsx.path());
  expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // from its flag to an exclusion: the attempt and a reason are filled in, for the committee to check
  const last = await rows.nth(2).getAttribute('data-attempt');
  await page
    .getByTestId('integrity-flags')
    .locator(`tr[data-attempt="${last}"]`)
    .getByRole('button', { name: 'Loại trừ bài của Nguyễn V. Â.…' })
    .click();
  await expect(page.getByTestId('exclusion-prefilled')).toBeVisible();
  await expect(page.getByLabel('Mã bài thi cần loại trừ')).toHaveValue(last ?? '');
  await expect(page.getByLabel('Lý do loại trừ')).toBeFocused();
  await expect(page.getByLabel('Lý do loại trừ')).toHaveValue(/^Làm bài quá nhanh: Nộp bài sau .* giây cho 20 câu/);
  await guideScreenshot(
    page,
    'hoi-dong-loai-tru',
    page.getByRole('heading', { level: 2, name: 'Loại trừ bài thi', exact: true }),
  );
  // a standing list covers the attempt: excluding it is refused until the list is reopened
  await page.getByRole('button', { name: 'Loại trừ', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /mở lại|reopen/i })).toBeVisible();

  await page.getByRole('button', { name: 'Mở lại danh sách' }).click();
  await expect(page.locator('#reopen-reason-error')).toHaveText('Vui lòng nhập thông tin này.');
  await page.getByLabel('Lý do mở lại').fill('Xem xét lại bài của Nguyễn Văn Ân');
  await page.getByRole('button', { name: 'Mở lại danh sách' }).click();
  await expect(page.getByTestId('list-state')).toHaveText('Danh sách chưa được chốt.');
  await page.getByRole('button', { name: 'Loại trừ', exact: true }).click();
  await expect(page.getByTestId('exclusions')).toContainText('Nguyễn Văn Ân');
  await expect(page.getByTestId('exclusions')).toContainText('Làm bài quá nhanh: Nộp bài sau');
  await expect(page.getByTestId('integrity-flags').locator(`tr[data-attempt="${last}"]`)).toContainText('Đã loại trừ');
  await expect(page.getByTestId('award-log')).toContainText('Mở lại');
  await expect(page.getByTestId('award-log')).toContainText('Loại trừ');
  await screenshot(page, 'committee-3-reopened-and-excluded');
  await guideScreenshot(
    page,
    'hoi-dong-nhat-ky',
    page.getByRole('heading', { level: 2, name: 'Nhật ký xét giải', exact: true }),
  );
  await expectAccessible(page, 'committee after reopening');
  expect(errors).toEqual([]);
});
