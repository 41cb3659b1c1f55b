import { expect } from '@playwright/test';
import { contest, contestDetails, expectAccessible, guideScreenshot, newPhone, screenshot, test } from './support';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a citizen registers, takes the whole exam with a reload in the middle, submits and sees the result', async ({
  page,
  request,
}) => {
  const details = await contestDetails(request);

  // the first visit over a slow mobile network (DevTools' "Slow 3G")
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 2000,
    downloadThroughput: 50 * 1024,
    uploadThroughput: 50 * 1024,
  });
  const loading = Date.now();
  await page.goto(`/#/c/${contest}`);
  await expect(page.getByRole('heading', { level: 1, name: details.title })).toBeVisible({ timeout: 60_000 });
  console.log(`contest page on Slow 3G: heading after ${Date.now() - loading} ms`);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  await expect(page.getByText('Vòng thi hiện tại kết thúc sau')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bảng xếp hạng' })).toBeVisible();
  await expect(page.getByText(/người đã có kết quả/)).toBeVisible();
  await screenshot(page, 'citizen-1-contest');
  await guideScreenshot(page, 'thi-sinh-trang-cuoc-thi');
  await expectAccessible(page, 'contest page');

  await page.getByRole('link', { name: 'Đăng ký và làm bài' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký dự thi' })).toBeVisible();
  // the organizers' consent text, paragraph by paragraph, with its version
  const consentText = page.locator('#f-consent-text');
  await expect(consentText.locator('p')).toHaveText(details.consentText.split(/\n\s*\n/));
  await expect(consentText).toHaveAttribute('data-version', details.consentVersion);
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Nhung');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1990');
  await page.getByLabel('Tôi đồng ý').check();
  await screenshot(page, 'citizen-2-registration');
  await expectAccessible(page, 'registration form');
  const startRequest = page.waitForRequest(
    (request) => request.method() === 'POST' && /\/api\/contests\/[^/]+\/attempts$/.test(request.url()),
  );
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  // the start carries the browser's own random id (for the committee's cheating signals), kept for next time
  const deviceId = (await startRequest).headers()['x-device-id'];
  expect(deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(await page.evaluate(() => localStorage.getItem('civiquiz.device'))).toBe(deviceId);

  // the exam: one question per screen
  const timer = page.getByRole('timer');
  await expect(timer).toBeVisible();
  await expect(page.getByText('Thời gian còn lại')).toBeVisible();
  await expect(timer).toHaveText(/^(20:00|19:\d\d)$/);
  const progress = page.getByTestId('progress');
  await expect(progress).toHaveText('Đã trả lời 0/20 câu');
  await expectAccessible(page, 'exam question');
  await guideScreenshot(page, 'thi-sinh-lam-bai');

  const questionTexts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const legend = page.locator('fieldset.question legend');
    await expect(legend).toContainText(`Câu ${i + 1}/20`);
    questionTexts.push((await page.locator('.question-text').textContent()) ?? '');
    await page
      .getByRole('radio')
      .nth(i % 4)
      .check();
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await expect(progress).toHaveText('Đã trả lời 10/20 câu');
  await screenshot(page, 'citizen-3-exam-before-reload');

  // a reload (or a dropped connection) loses nothing
  await page.reload();
  await expect(progress).toHaveText('Đã trả lời 10/20 câu');
  await expect(page.locator('fieldset.question legend')).toContainText('Câu 11/20');
  await page.getByRole('button', { name: 'Câu 3, đã trả lời' }).click();
  await expect(page.locator('.question-text')).toHaveText(questionTexts[2]);
  await expect(page.getByRole('radio').nth(2)).toBeChecked();
  await page.getByRole('button', { name: 'Câu 11, chưa trả lời' }).click();

  for (let i = 10; i < 20; i++) {
    await expect(page.locator('fieldset.question legend')).toContainText(`Câu ${i + 1}/20`);
    // keyboard: focus the first option and choose it with Space
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio').first()).toBeChecked();
    await page.getByRole('button', { name: i === 19 ? 'Đến câu hỏi dự đoán' : 'Câu tiếp' }).click();
  }
  await expect(progress).toHaveText('Đã trả lời 20/20 câu');

  await expect(page.getByRole('heading', { name: 'Câu hỏi dự đoán' })).toBeVisible();
  const prediction = page.getByRole('textbox', { name: details.predictionQuestion });
  await expect(prediction).toHaveAccessibleDescription(/số nguyên từ 0 đến 100\.000\.000/);
  await prediction.fill('4700');
  await screenshot(page, 'citizen-4-prediction');
  await expectAccessible(page, 'prediction question');

  await page.getByRole('button', { name: 'Nộp bài' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Bạn đã trả lời 20/20 câu.');
  await screenshot(page, 'citizen-5-confirm');
  // the connection drops on the first try: the page sends the very same body again
  const sent: string[] = [];
  await page.route('**/api/attempts/*/submission', async (route) => {
    sent.push(route.request().postData() ?? '');
    if (sent.length === 1) {
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await dialog.getByRole('button', { name: 'Nộp bài' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
  await expect(page.getByTestId('result')).toContainText(/\d+\/20 câu đúng/);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  expect((JSON.parse(sent[0]) as { prediction: number }).prediction).toBe(4700);
  const rank = page.getByTestId('rank');
  await expect(rank.getByRole('heading', { name: 'Xếp hạng' })).toBeVisible();
  await expect(rank).toContainText('Thứ hạng được ẩn khi vòng thi đang diễn ra');
  await expect(rank).toContainText('người đã có kết quả');
  await expect(page.getByRole('heading', { name: 'Tiếp theo' })).toBeVisible();
  await screenshot(page, 'citizen-6-result');
  await expectAccessible(page, 'result page');

  // what this (maybe shared) browser keeps once the result is seen: the attempt's token in
  // this tab's sessionStorage only, for a reload; nothing of the attempt in localStorage
  const attemptId = new URL(page.url()).hash.split('/').pop()!;
  const stored = () =>
    page.evaluate(() => {
      const all = (storage: Storage) =>
        Object.fromEntries(
          Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => [key, storage.getItem(key)!]),
        );
      return { kept: all(localStorage), tab: all(sessionStorage) };
    });
  const afterResult = await stored();
  expect(Object.keys(afterResult.kept).sort()).toEqual(['civiquiz.device']);
  const finished = JSON.parse(afterResult.tab['civiquiz.finished']) as { attemptId: string; token: string }[];
  expect(finished.map((s) => s.attemptId)).toEqual([attemptId]);
  const token = finished[0].token;
  expect(JSON.stringify(afterResult.kept)).not.toContain(token);
  await page.reload();
  await expect(page.getByTestId('result')).toContainText(/\d+\/20 câu đúng/);
  // another tab (or the browser opened again) finds nothing of it
  const otherTab = await page.context().newPage();
  await otherTab.goto(`/#/result/${attemptId}`);
  await expect(otherTab.getByRole('alert')).toHaveText('Không tìm thấy lượt thi này trên thiết bị.');
  await otherTab.close();

  // English on request
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, 'citizen-7-result-en');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();

  // back on the contest page, this tab still links to the result; "forget me" removes
  // everything Civiquiz keeps in this browser
  await page.getByRole('link', { name: 'Về trang cuộc thi' }).first().click();
  await expect(page.getByRole('link', { name: 'Xem kết quả lượt thi gần nhất' })).toBeVisible();
  await page.getByRole('button', { name: 'Quên tôi trên thiết bị này' }).click();
  const forget = page.getByRole('dialog', { name: 'Xóa dữ liệu của bạn trên thiết bị này?' });
  await expect(forget).toBeVisible();
  await screenshot(page, 'citizen-8-forget-me');
  await expectAccessible(page, 'forget me confirmation');
  await forget.getByRole('button', { name: 'Xóa hết' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa' })).toHaveText(
    'Đã xóa. Civiquiz không còn lưu gì trên trình duyệt này.',
  );
  await expect(page.getByRole('link', { name: 'Xem kết quả lượt thi gần nhất' })).toHaveCount(0);
  expect(await stored()).toEqual({ kept: {}, tab: {} });
});

test('registration shows each error next to its field: the browser checks first, then the server', async ({ page }) => {
  await page.goto(`/#/c/${contest}/register`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký dự thi' })).toBeVisible();

  await page.getByLabel('Số điện thoại').fill('12345');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.locator('#f-fullName-error')).toHaveText('Vui lòng nhập thông tin này.');
  await expect(page.locator('#f-phone-error')).toContainText('Số điện thoại không hợp lệ');
  await expect(page.locator('#f-consent-error')).toContainText('Bạn cần đồng ý');
  await expect(page.getByLabel('Họ và tên')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Họ và tên')).toBeFocused();
  await screenshot(page, 'registration-1-client-errors');
  await expectAccessible(page, 'registration with errors');

  // a valid form, altered on its way (as a script or an old page might send it): the
  // server's problem+json names the fields, and the page shows its messages next to them
  await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1985');
  await page.getByLabel('Tôi đồng ý').check();
  await page.route('**/api/contests/*/attempts', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, phone: '12 34', birthYear: 1800 }) });
  });
  const answer = page.waitForResponse('**/api/contests/*/attempts');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  const response = await answer;
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const problem = (await response.json()) as { code: string; errors: { field: string; message: string }[] };
  expect(problem.code).toBe('VALIDATION_FAILED');
  await expect(page.locator('#f-phone-error')).toHaveText(problem.errors.find((e) => e.field === 'phone')!.message);
  await expect(page.locator('#f-birthYear-error')).toContainText('Năm sinh phải từ 1900');
  await expect(page.locator('#f-fullName-error')).toHaveCount(0);
  await screenshot(page, 'registration-2-server-errors');
  await expectAccessible(page, 'registration with server errors');

  // the organizers changed the consent text while the form was open (here: the page sends a
  // version the server no longer has): it shows the text again and asks once more, keeping
  // everything else as typed
  await page.unroute('**/api/contests/*/attempts');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.route('**/api/contests/*/attempts', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    expect(body.consentVersion).toMatch(/^[0-9a-f]{64}$/);
    await route.continue({ postData: JSON.stringify({ ...body, consentVersion: '0'.repeat(64) }) });
  });
  const stale = page.waitForResponse('**/api/contests/*/attempts');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  expect((await stale).status()).toBe(409);
  await expect(page.locator('#f-consent-error')).toHaveText(
    'Ban tổ chức vừa cập nhật nội dung trên. Vui lòng đọc lại và đánh dấu đồng ý một lần nữa.',
  );
  await expect(page.getByLabel('Tôi đồng ý')).not.toBeChecked();
  await expect(page.getByLabel('Tôi đồng ý')).toBeFocused();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Trần Văn Bình');
  await screenshot(page, 'registration-3-consent-text-changed');
  await expectAccessible(page, 'registration after the consent text changed');
  await page.unroute('**/api/contests/*/attempts');
  await page.getByLabel('Tôi đồng ý').check();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
});
