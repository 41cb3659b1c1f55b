import { expect } from '@playwright/test';
import { expectAccessible, newPhone, screenshot, test } from './support';

const timed = process.env.TIMED_CONTEST;

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('when time runs out the exam submits itself, with the answers given so far', async ({ page }) => {
  test.skip(!timed, 'needs TIMED_CONTEST, a contest with a one-minute time limit');
  // the page's clock, fast-forwarded below instead of waiting a minute
  await page.clock.install();
  await page.goto(`/#/c/${timed}/register`);
  await page.getByLabel('Họ và tên').fill('Phạm Thị Dung');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('2001');
  await page.getByLabel('Tôi đồng ý').check();

  const submissions: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/submission')) submissions.push(request.postData() ?? '');
  });
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('radio').nth(1).check();
  await expect(page.getByTestId('progress')).toHaveText('Đã trả lời 1/5 câu');
  await screenshot(page, 'timed-1-exam');
  await expectAccessible(page, 'timed exam');

  // nobody presses "Nộp bài": the countdown reaches zero and the page submits
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('result')).toContainText(/[01]\/5 câu đúng/);
  // the server times the attempt by its own clock: seconds, not the minute the page skipped
  await expect(page.getByTestId('result')).not.toContainText('phút');
  expect(submissions).toHaveLength(1);
  const body = JSON.parse(submissions[0]) as { answers: { optionId: number | null }[] };
  expect(body.answers).toHaveLength(5);
  expect(body.answers.filter((a) => a.optionId !== null)).toHaveLength(1);
  expect(body).not.toHaveProperty('prediction');
  await expect(page.getByTestId('rank')).toContainText('người đã có kết quả');
  await screenshot(page, 'timed-2-result');
});
