import { expect } from '@playwright/test';
import {
  awardContest,
  expectAccessible,
  guideScreenshot,
  organizerPassword,
  screenshot,
  signIn,
  test,
} from './support';

// the award contest's three attempts (20/20 and twice 18/20, each wrong answer the option after
// the key) flag questions: those the 20/20 drew alone are too easy, and a wrong answer of an
// 18/20 drawn by nobody else is too hard, with a key its only taker did not choose
test('the item analysis lists the flagged questions first, each with a link to edit it', async ({ page }) => {
  await signIn(page, 'organizer', organizerPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Chọn cuộc thi' })).toBeVisible();
  await page.goto(`/admin.html#/c/${awardContest}`);
  await page.getByTestId('item-analysis-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Phân tích câu hỏi');
  await expect(page.getByTestId('item-summary')).toContainText('3 bài đã nộp');

  const rows = page.getByTestId('item-analysis').locator('tbody tr');
  const first = rows.first();
  await expect(first).toHaveAttribute('data-flags', /MAYBE_WRONG_KEY/);
  await expect(first).toContainText('Có thể sai đáp án');
  // a figure that cannot be computed (one attempt: no correlation) is a dash, not NaN
  await expect(page.getByTestId('item-analysis')).not.toContainText('NaN');
  // flagged first: no question without a flag comes before a flagged one
  const flags = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-flags') ?? ''));
  const firstUnflagged = flags.indexOf('');
  expect(firstUnflagged).toBeGreaterThan(0);
  expect(flags.slice(firstUnflagged).every((f) => f === '')).toBe(true);
  // the flags explained, Vietnamese first
  await expect(page.getByRole('heading', { name: 'Ý nghĩa các cảnh báo' })).toBeVisible();
  await expect(page.locator('.flag-legend')).toContainText('Nhóm 1/4 người có điểm cao nhất');
  await expectAccessible(page, 'item analysis');
  await screenshot(page, 'item-analysis-1');
  await guideScreenshot(page, 'to-chuc-phan-tich-cau-hoi', page.getByRole('heading', { name: 'Các câu hỏi' }));

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải về (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`item-analysis-${awardContest}.xlsx`);

  // usable on a phone: the table scrolls inside its panel, the page does not
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page, 'item analysis at 360 px');
  await screenshot(page, 'item-analysis-2-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // the link to edit the flagged question opens it; saved as it is, it stays as it was
  const code = (await first.locator('th').textContent())?.trim() ?? '';
  await first.getByRole('link', { name: `Sửa câu ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sửa câu hỏi ${code}` })).toBeVisible();
  await expect(page.getByLabel('Câu hỏi', { exact: true })).not.toBeEmpty();
  await expectAccessible(page, 'question edit');
  await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  await expect(page.getByTestId('question-saved')).toHaveText('Đã lưu câu hỏi.');
  await page.getByRole('link', { name: 'Về trang phân tích câu hỏi' }).click();
  await expect(page.getByTestId('item-analysis')).toBeVisible();
});
