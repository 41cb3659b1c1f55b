import { expect } from '@playwright/test';
import { expectAccessible, screenshot, test } from './support';

/** A contest whose round 1 winners list the committee has finalized. */
const resultsContest = process.env.RESULTS_CONTEST ?? '';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('anyone reads a closed round’s winners from the contest page, names masked, with the list’s hash', async ({
  page,
}) => {
  test.skip(!resultsContest, 'RESULTS_CONTEST not set');
  await page.goto(`/#/c/${resultsContest}`);
  await page.getByRole('link', { name: 'Kết quả và danh sách đoạt giải' }).click();
  await expect(page).toHaveURL(new RegExp(`#/c/${resultsContest}/results$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kết quả: Test ${resultsContest}`);

  const list = page.getByTestId('results-list');
  await expect(list).toHaveCount(1);
  await expect(list.getByRole('heading', { level: 2 })).toHaveText('Tuần 1');
  await expect(list).toContainText('3 người dự thi, 3 bài thi; 1 bài thi đạt điểm tuyệt đối');
  const rows = list.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Trần T. B.');
  await expect(rows.nth(0)).toContainText('Hợp tác xã Nông nghiệp Đồng Tâm');
  await expect(rows.nth(0)).toContainText('Giải Nhất');
  await expect(rows.nth(1)).toContainText('Lê H. C.');
  // only masked names: no full name, no phone
  await expect(page.locator('main')).not.toContainText('Trần Thị Bình');
  await expect(page.locator('main')).not.toContainText('+84');
  await expect(list).toContainText('Giải tập thể đông nhất');
  await expect(page.getByTestId('results-sha256')).toHaveText(/^[0-9a-f]{64}$/);

  // usable at 360 px: nothing wider than the screen but the table's own scroller
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(360);
  await screenshot(page, 'results-1-round');
  await expectAccessible(page, 'results');
});
