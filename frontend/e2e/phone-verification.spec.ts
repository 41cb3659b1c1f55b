import { expect } from '@playwright/test';
import { expectAccessible, newPhone, screenshot, test } from './support';

/** A contest that verifies phones, and where the log-only sender's codes can be read (BrowserJourneysIntegrationTests). */
const phoneContest = process.env.PHONE_CONTEST ?? '';
const codesUrl = process.env.PHONE_CODES_URL ?? '';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a citizen proves their phone with the code sent to it, a wrong one first, then starts', async ({
  page,
  request,
}) => {
  test.skip(!phoneContest || !codesUrl, 'needs PHONE_CONTEST and PHONE_CODES_URL');
  const phone = newPhone();
  await page.goto(`/#/c/${phoneContest}/register`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký dự thi' })).toBeVisible();
  const verification = page.getByRole('group', { name: 'Xác minh số điện thoại' });
  await expect(verification).toContainText('Cuộc thi này yêu cầu xác minh số điện thoại');

  await page.getByLabel('Họ và tên').fill('Phạm Thị Thu Hà');
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1988');
  await page.getByLabel('Tôi đồng ý').check();

  // the start waits for the phone: the page asks for the code first, and sends nothing
  let starts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/attempts$/.test(r.url())) starts++;
  });
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(verification.getByRole('alert')).toHaveText(
    'Vui lòng xác minh số điện thoại trước khi bắt đầu: bấm “Gửi mã” rồi nhập mã nhận được.',
  );
  await expect(page.getByRole('button', { name: 'Gửi mã' })).toBeFocused();
  expect(starts).toBe(0);
  await screenshot(page, 'phone-1-code-needed');
  await expectAccessible(page, 'registration asking for a code');

  const sent = page.waitForResponse((r) => r.request().method() === 'POST' && /\/phone-codes$/.test(r.url()));
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  expect((await sent).status()).toBe(202);
  await expect(verification.getByTestId('code-sent')).toContainText(`Đã gửi mã đến số ${phone}`);
  const box = page.getByLabel('Mã xác minh');
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('inputmode', 'numeric');
  await expect(box).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(verification.getByRole('alert')).toHaveCount(0);

  // the log-only sender wrote the code; the test reads it as the phone would show it
  const answer = await request.get(`${codesUrl}?phone=${encodeURIComponent(phone)}`);
  expect(answer.ok()).toBeTruthy();
  const code = (await answer.text()).trim();
  expect(code).toMatch(/^\d{6}$/);

  const wrong = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
  await box.fill(wrong);
  await page.getByRole('button', { name: 'Xác nhận mã' }).click();
  await expect(verification.getByRole('alert')).toHaveText('Mã xác minh không đúng. Bạn còn 4 lần nhập.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'phone-2-wrong-code');
  await expectAccessible(page, 'registration with a wrong code');

  // Enter in the code box confirms the code; it does not start the exam
  await box.fill(code);
  await box.press('Enter');
  await expect(verification.getByTestId('phone-verified')).toHaveText(`✓ Đã xác minh số điện thoại ${phone}.`);
  await expect(page.getByLabel('Đơn vị')).toBeFocused();
  expect(starts).toBe(0);
  await screenshot(page, 'phone-3-verified');
  await expectAccessible(page, 'registration with a verified phone');

  const start = page.waitForRequest((r) => r.method() === 'POST' && /\/attempts$/.test(r.url()));
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  expect((JSON.parse((await start).postData() ?? '{}') as { phoneToken?: string }).phoneToken).toMatch(
    /^\d+\.[A-Za-z0-9_-]{43}$/,
  );
  await expect(page.getByRole('timer')).toBeVisible();
  await screenshot(page, 'phone-4-exam');
});
