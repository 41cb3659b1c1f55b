import { expect } from '@playwright/test';
import { expectAccessible, newPhone, organizerPassword, screenshot, test } from './support';

/** A contest of six questions in one minute, of its own (BrowserJourneysIntegrationTests). */
const autosave = process.env.AUTOSAVE_CONTEST;

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a phone that goes offline and closes mid-exam is submitted from its saved answers when time runs out', async ({
  browser,
}) => {
  test.skip(!autosave, 'needs AUTOSAVE_CONTEST, a contest with a one-minute time limit');
  // a minute of exam, the server's grace and its sweep
  test.setTimeout(240_000);
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await page.goto(`/#/c/${autosave}/register`);
  await page.getByLabel('Họ và tên').fill('Đặng Thị Lưu');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1985');
  await page.getByLabel('Tôi đồng ý').check();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  const attemptId = /#\/exam\/([0-9a-f-]+)/.exec(page.url())?.[1];
  expect(attemptId).toBeTruthy();

  // half the exam: three of six questions, each saved on the server as it goes
  const threeSaved = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/attempts/${attemptId}/answers`) &&
      response.status() === 204 &&
      (JSON.parse(response.request().postData() ?? '{}') as { answers: { optionId: number | null }[] }).answers.filter(
        (a) => a.optionId !== null,
      ).length === 3,
    { timeout: 40_000 },
  );
  for (let i = 0; i < 3; i++) {
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await expect(page.getByTestId('progress')).toHaveText('Đã trả lời 3/6 câu');
  await threeSaved;
  await expect(page.getByTestId('saved-at')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/);
  await screenshot(page, 'autosave-1-saved');
  await expectAccessible(page, 'exam with saved answers');

  // the phone loses its network, one more answer stays on the phone, and the page is closed
  await context.setOffline(true);
  await page.getByRole('radio').nth(2).check();
  await expect(page.getByTestId('progress')).toHaveText('Đã trả lời 4/6 câu');
  await page.close();

  // past the deadline and the grace, the server submits it by itself, without anyone asking
  // for it: PostgreSQL's figures count it (the live board may lag on a busy machine, until the
  // reconciler's pass)
  const organizer = { Authorization: `Basic ${Buffer.from(`organizer:${organizerPassword}`).toString('base64')}` };
  await expect
    .poll(
      async () => {
        const response = await context.request.get(`/api/admin/contests/${autosave}/stats?exact=true`, {
          headers: organizer,
        });
        return response.ok()
          ? ((await response.json()) as { attemptsAutoSubmitted: number }).attemptsAutoSubmitted
          : -1;
      },
      { timeout: 150_000, intervals: [5_000] },
    )
    .toBe(1);

  // the phone is back: the result page says what happened
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`/#/result/${attemptId}`);
  await expect(again.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
  await expect(again.getByTestId('auto-submitted')).toContainText('nộp tự động khi hết giờ');
  await expect(again.getByTestId('result')).toContainText(/[0-3]\/6 câu đúng/);
  // the whole minute allowed
  await expect(again.getByTestId('result')).toContainText('1 phút 0 giây');
  await screenshot(again, 'autosave-2-result');
  await expectAccessible(again, 'result submitted automatically');
  await context.close();
});
