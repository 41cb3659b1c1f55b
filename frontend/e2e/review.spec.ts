import { expect } from '@playwright/test';
import { expectAccessible, newPhone, screenshot, test } from './support';

/** A contest of five questions reviewed right after each submission (AFTER_SUBMISSION). */
const reviewContest = process.env.REVIEW_CONTEST;
/** A closed contest: its answer key is published. */
const keyContest = process.env.KEY_CONTEST;

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('an attempt is reviewed right after submitting: the correct answers, the explanation and the article', async ({
  page,
}) => {
  test.skip(!reviewContest, 'needs REVIEW_CONTEST, a contest reviewed right after each submission');
  await page.goto(`/#/c/${reviewContest}`);
  await expect(page.getByTestId('review-policy')).toContainText('ngay sau khi nộp bài');

  await page.goto(`/#/c/${reviewContest}/register`);
  await page.getByLabel('Họ và tên').fill('Đỗ Thị Thu Hà');
  await page.getByLabel('Số điện thoại').fill(newPhone());
  await page.getByLabel('Đơn vị').selectOption({ index: 1 });
  await page.getByLabel('Quận/huyện').selectOption({ index: 1 });
  await page.getByLabel('Năm sinh').fill('1985');
  await page.getByLabel('Tôi đồng ý').check();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  // three answered, two left out
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('fieldset.question legend')).toContainText(`Câu ${i + 1}/5`);
    if (i < 3) await page.getByRole('radio').nth(i).check();
    await page.getByRole('button', { name: i === 4 ? 'Đến câu hỏi dự đoán' : 'Câu tiếp' }).click();
  }
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('dialog', { name: 'Nộp bài?' }).getByRole('button', { name: 'Nộp bài' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
  const review = page.getByTestId('review');
  await expect(review.getByRole('heading', { name: 'Xem lại bài thi' })).toBeVisible();
  const questions = review.getByTestId('review-question');
  await expect(questions).toHaveCount(5);
  // every question names its correct answer; the answered ones the choice, the others say so
  for (let i = 0; i < 5; i++) {
    await expect(questions.nth(i).getByText('Đáp án đúng', { exact: true })).toHaveCount(1);
    if (i < 3) {
      await expect(questions.nth(i).getByText('Bạn chọn', { exact: true })).toHaveCount(1);
    } else {
      await expect(questions.nth(i).locator('.verdict')).toHaveText('✗ Chưa trả lời');
    }
  }
  // the per-chapter summary names the weakest chapter and the articles to read again
  await expect(review.getByRole('heading', { name: 'Kết quả theo chương' })).toBeVisible();
  await expect(review.getByTestId('weakest-chapter')).toContainText(
    /Chương bạn cần ôn nhất: Chương [IVX]+\. .+ Hãy đọc lại Điều \d+/,
  );
  // the article in the law's own words, folded until asked for
  const article = questions.first().locator('details.article');
  await expect(article.locator('summary')).toHaveText(/^Điều \d+\. .+/);
  await expect(article.locator('.prose')).toBeHidden();
  await article.locator('summary').click();
  await expect(article.locator('.prose')).toBeVisible();
  await expect(article.locator('.prose')).not.toBeEmpty();
  await screenshot(page, 'review-1-result');
  await expectAccessible(page, 'review');

  // the whole bank's key waits until the contest is over
  await review.getByRole('link', { name: 'Xem đáp án của cả ngân hàng câu hỏi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Đáp án/ })).toBeVisible();
  await expect(page.getByTestId('answer-key-pending')).toContainText('Đáp án của cuộc thi sẽ được công bố từ');
  await expectAccessible(page, 'answer key, not yet');
});

test('a closed contest publishes its answer key, printable', async ({ page }) => {
  test.skip(!keyContest, 'needs KEY_CONTEST, a closed contest');
  await page.goto(`/#/c/${keyContest}`);
  await page.getByRole('link', { name: 'Đáp án', exact: true }).click();
  const key = page.getByTestId('answer-key');
  await expect(key.getByRole('heading', { level: 2, name: /^Chương I\. Những quy định chung/ })).toBeVisible();
  const first = key.getByTestId('key-question').first();
  await expect(first).toContainText('(đáp án đúng)');
  await expect(first).toContainText(/Đáp án: [A-D]\./);
  await expect(first).toContainText(/Căn cứ: Điều \d+\. /);
  await screenshot(page, 'review-2-answer-key');
  await expectAccessible(page, 'answer key');
  // on paper: the key alone, without the site's header and buttons
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'In đáp án' })).toBeHidden();
  await expect(first).toBeVisible();
});
