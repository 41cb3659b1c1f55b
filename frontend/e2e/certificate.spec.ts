import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { expectAccessible, screenshot, test } from './support';

/** An attempt of 18/20 in a contest that is over and issues certificates from 15/20. */
const attempt = process.env.CERTIFICATE_ATTEMPT ?? '';
const token = process.env.CERTIFICATE_TOKEN ?? '';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a participant downloads their certificate and its code verifies on the public page', async ({ page }) => {
  test.skip(!attempt || !token, 'CERTIFICATE_ATTEMPT not set');
  // the personal link the result page gives
  await page.goto(`/#/certificate/${attempt}/${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giấy chứng nhận của bạn');
  const section = page.getByTestId('certificate');
  await expect(section).toContainText('Giấy chứng nhận của bạn đã sẵn sàng.');
  await expectAccessible(page, 'certificate');

  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Tải giấy chứng nhận (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^giay-chung-nhan-[0-9A-Z]{20}\.pdf$/);
  const pdf = await readFile(await file.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByTestId('certificate-code')).toContainText('Đã tải giấy chứng nhận.');
  await screenshot(page, 'certificate-1-downloaded');

  await page.getByRole('link', { name: 'Xem trang xác minh của giấy này' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xác minh giấy chứng nhận');
  const verification = page.getByTestId('verification');
  await expect(verification.getByRole('heading', { level: 2 })).toHaveText('Giấy chứng nhận hợp lệ');
  await expect(verification).toContainText('Phạm Đ. H.');
  await expect(verification).toContainText('18/20 câu đúng');
  await expect(verification).not.toContainText('Phạm Đức Hưởng');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(360);
  await screenshot(page, 'certificate-2-verified');
  await expectAccessible(page, 'verify');

  // a code typed wrong
  await page.getByLabel('Mã xác minh').fill('00000-00000-00000-00000');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByTestId('verification')).toHaveText(
    'Không có giấy chứng nhận nào mang mã này. Hãy kiểm tra lại mã đã nhập.',
  );
});
