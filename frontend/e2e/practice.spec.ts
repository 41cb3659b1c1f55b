import { expect } from '@playwright/test';
import { expectAccessible, newPhone, screenshot, test } from './support';

/** The practice contest the embedded default seeds beside the contest. */
const practice = process.env.PRACTICE_CONTEST ?? 'on-tap-luat-htx-2023';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('practice is listed apart on the home page and its attempt has no board, no prediction and no ranks', async ({
  page,
}) => {
  await page.goto('/');
  const section = page.getByTestId('practice-contests');
  await expect(section.getByRole('heading', { level: 2, name: 'Thi thử' })).toBeVisible();
  const link = section.locator(`a[href="#/c/${practice}"]`);
  await expect(link).toBeVisible();
  await expect(section.getByText('Thi thử', { exact: true }).first()).toBeVisible();
  await screenshot(page, 'practice-1-home');
  await expectAccessible(page, 'home page with practice');

  await link.click();
  await expect(page.getByTestId('practice-note')).toBeVisible();
  await expect(page.getByText(/không giới hạn số lượt/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bảng xếp hạng' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Giải thưởng' })).toHaveCount(0);
  await screenshot(page, 'practice-2-contest');
  await expectAccessible(page, 'practice contest page');

  await page.getByRole('link', { name: 'Đăng ký và làm bài' }).click();
  await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1985');
  await page.getByLabel('Tôi đồng ý').check();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('radio').first().check();
  // no prediction question: the map ends with the last question, which submits
  await expect(page.getByRole('button', { name: 'Câu hỏi dự đoán' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Câu 20, chưa trả lời' }).click();
  await expect(page.locator('fieldset.question legend')).toContainText('Câu 20/20');
  await expect(page.getByRole('button', { name: 'Đến câu hỏi dự đoán' })).toHaveCount(0);
  await expectAccessible(page, 'practice exam, last question');
  await page.locator('.exam-nav').getByRole('button', { name: 'Nộp bài' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/dự đoán/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Nộp bài' }).click();

  await expect(page.getByTestId('result')).toBeVisible();
  await expect(page.getByText(/Đây là bài thi thử/)).toBeVisible();
  await expect(page.getByText('Bạn có thể thi thử bao nhiêu lượt tùy ý.')).toBeVisible();
  await expect(page.getByTestId('rank')).toHaveCount(0);
  await screenshot(page, 'practice-3-result');
  await expectAccessible(page, 'practice result');
});
