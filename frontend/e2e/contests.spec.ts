import { expect } from '@playwright/test';
import {
  basic,
  contest,
  expectAccessible,
  guideScreenshot,
  organizerPassword,
  screenshot,
  signIn,
  test,
} from './support';

// the browser in another time zone: the form still reads and writes Vietnam time
test.use({ timezoneId: 'America/New_York' });

const CSV_HEADER = 'code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation';

test('the organizer creates a draft contest with two rounds, fixing a field error first, and imports a question file', async ({
  page,
  request,
}) => {
  await signIn(page, 'organizer', organizerPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Chọn cuộc thi' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Civiquiz' }).getByRole('link', { name: 'Quản lý cuộc thi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quản lý cuộc thi' })).toBeVisible();
  await expect(page.getByTestId('admin-contests')).toContainText(contest);
  // contests on the bundled (public) bank are marked in the list
  await expect(page.getByTestId('public-bank-badge').first()).toHaveText('Bộ câu hỏi công khai');
  await guideScreenshot(page, 'to-chuc-danh-sach-cuoc-thi');
  await page.getByRole('link', { name: 'Tạo cuộc thi mới' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tạo cuộc thi' })).toBeVisible();

  const slug = `e2e-nhap-${Date.now() % 1_000_000}`;
  const general = page.getByRole('group', { name: 'Thông tin chung' });
  await general.getByLabel('Mã cuộc thi (slug)').fill(slug);
  await general.getByLabel('Tên cuộc thi').fill('Thi thử Luật Hợp tác xã, bản nháp');
  await general.getByLabel('Ngân hàng câu hỏi (mã)').fill(`${slug}-bank`);
  await general.getByLabel('Mở lúc').fill('2027-03-01T08:00');
  await general.getByLabel('Đóng lúc').fill('2027-03-31T23:59');
  await general.getByLabel('Câu hỏi dự đoán').fill('Có bao nhiêu người trả lời đúng cả 20 câu?');
  await general.getByLabel('Quận/huyện (mỗi dòng một tên)').fill('Quận Hồng Bàng\nHuyện Thủy Nguyên');
  const round1 = page.getByRole('group', { name: 'Vòng 1' });
  await round1.getByLabel('Tên vòng').fill('Tuần 1');
  await round1.getByLabel('Mở lúc').fill('2027-03-01T08:00');
  await round1.getByLabel('Đóng lúc').fill('2027-03-07T23:59');
  await page.getByRole('button', { name: 'Thêm vòng' }).click();
  const round2 = page.getByRole('group', { name: 'Vòng 2' });
  await round2.getByLabel('Tên vòng').fill('Tuần 2');
  await round2.getByLabel('Mở lúc').fill('2027-03-08T08:00');
  await round2.getByLabel('Đóng lúc').fill('2027-03-14T23:59');
  const unit = page.getByRole('group', { name: 'Đơn vị 1' });
  await unit.getByLabel('Mã đơn vị', { exact: true }).fill('HTX ĐT'); // a space and a letter with a diacritic: refused
  await unit.getByLabel('Tên đơn vị').fill('Hợp tác xã Nông nghiệp Đồng Tâm');
  await unit.getByLabel('Quân số (nếu biết)').fill('40');
  await guideScreenshot(page, 'to-chuc-tao-cuoc-thi');
  await guideScreenshot(page, 'to-chuc-tao-cuoc-thi-vong-don-vi', page.getByRole('group', { name: 'Vòng 1' }));
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();

  await expect(page.getByTestId('form-problem')).toBeFocused();
  await expect(page.getByTestId('form-problem')).toContainText('Đơn vị 1: Mã đơn vị');
  await expect(page.locator('#f-units-0-code-error')).toBeVisible();
  await expect(unit.getByLabel('Mã đơn vị', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'organizer-2-contest-field-error');
  await guideScreenshot(page, 'to-chuc-loi-bieu-mau', page.getByTestId('form-problem'));
  await expectAccessible(page, 'contest form with an error');

  await unit.getByLabel('Mã đơn vị', { exact: true }).fill('HTX-DT');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sửa cuộc thi: Thi thử Luật Hợp tác xã, bản nháp' }),
  ).toBeVisible();
  await expect(page.getByText('Đã tạo cuộc thi.')).toBeVisible();
  // a bank of its own: no public-bank warning
  await expect(page.getByTestId('public-bank-warning')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Vòng 2' }).getByLabel('Mở lúc')).toHaveValue('2027-03-08T08:00');
  // stored as the instant meant in Vietnam, whatever the browser's zone
  const stored = await request.get(`/api/admin/contests/${slug}`, { headers: basic('organizer', organizerPassword) });
  expect(stored.ok()).toBeTruthy();
  const form = (await stored.json()) as { status: string; rounds: { opensAt: string }[]; units: unknown[] };
  expect(form.status).toBe('DRAFT');
  expect(form.rounds.map((r) => Date.parse(r.opensAt))).toEqual([
    Date.parse('2027-03-01T01:00:00Z'),
    Date.parse('2027-03-08T01:00:00Z'),
  ]);
  expect(form.units[0]).toMatchObject({ code: 'HTX-DT', headcount: 40 });
  await screenshot(page, 'organizer-3-contest-saved');

  // a question file with a bad row: nothing imported, each error in a table
  await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ngân hàng câu hỏi: / })).toBeVisible();
  const good =
    'E2E-001,1,3,Hợp tác xã là tổ chức kinh tế có tư cách gì?,Tư cách pháp nhân,Không có tư cách pháp nhân,Hộ kinh doanh,Doanh nghiệp tư nhân,A,Điều 3: hợp tác xã có tư cách pháp nhân.';
  const bad = 'E2E-002,1,4,Thành viên hợp tác xã có thể là ai?,Cá nhân,Hộ gia đình,Pháp nhân,Cả ba,E,';
  await page.getByLabel('Tệp câu hỏi').setInputFiles({
    name: 'cau-hoi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${CSV_HEADER}\n${good}\n${bad}\n`),
  });
  await page.getByRole('button', { name: 'Nhập câu hỏi' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(errors.locator('tbody tr').first()).toContainText('line 3: correct');
  await screenshot(page, 'organizer-4-import-errors');
  await guideScreenshot(page, 'to-chuc-nhap-cau-hoi-loi');
  await expectAccessible(page, 'question import errors');

  await page.getByLabel('Tệp câu hỏi').setInputFiles({
    name: 'cau-hoi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${CSV_HEADER}\n${good}\n${bad.replace(',E,', ',D,')}\n`),
  });
  await page.getByRole('button', { name: 'Nhập câu hỏi' }).click();
  await expect(page.getByTestId('import-result')).toHaveText(`Đã nhập 2 câu hỏi vào ngân hàng ${slug}-bank.`);
});

test('the organizer previews a draw with the correct options, and sets a prize plan', async ({ page }) => {
  await signIn(page, 'organizer', organizerPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Chọn cuộc thi' })).toBeVisible();
  await page.goto(`/admin.html#/manage/${contest}/questions`);
  await expect(page.getByTestId('public-bank-warning')).toContainText(
    'Tệp câu hỏi nhập ở dưới sẽ thay toàn bộ ngân hàng này',
  );
  await page.getByRole('button', { name: 'Rút thử một đề' }).click();
  const preview = page.getByTestId('draw-preview');
  await expect(preview.locator('> li')).toHaveCount(20);
  await expect(preview.locator('li[data-correct]')).toHaveCount(20);
  await expect(preview.locator('> li').first()).toContainText(/Chương \d+, Điều \d+/);
  await screenshot(page, 'organizer-5-draw-preview');
  await guideScreenshot(page, 'to-chuc-xem-thu-de', page.getByRole('heading', { name: 'Xem thử đề', exact: true }));
  await expectAccessible(page, 'draw preview');

  await page.getByRole('link', { name: 'Cơ cấu giải' }).click();
  await expect(page.getByTestId('plan-revision')).toHaveText('Cuộc thi chưa có cơ cấu giải.');
  const round = page.getByTestId('tiers-round');
  await round.getByRole('button', { name: 'Thêm giải' }).click();
  await round.getByLabel('Tên giải 1').fill('Giải Nhất');
  await round.getByRole('button', { name: 'Thêm giải' }).click();
  await round.getByLabel('Tên giải 2').fill('Giải Nhì');
  await round.getByLabel('Số giải 2').fill('2');
  await page.getByRole('button', { name: 'Đưa “Thời gian làm bài ngắn hơn” lên' }).click();
  await expect(page.getByTestId('tie-break').locator('li').nth(1)).toHaveAttribute('data-step', 'DURATION');
  await page.getByRole('button', { name: 'Lưu cơ cấu giải' }).click();
  await expect(page.getByText('Đã lưu cơ cấu giải, phiên bản 1.')).toBeVisible();
  await expect(page.getByTestId('plan-revision')).toContainText('organizer');
  // what was saved is what the form shows again
  await expect(round.getByLabel('Tên giải 2')).toHaveValue('Giải Nhì');
  await expect(round.getByLabel('Số giải 2')).toHaveValue('2');
  await expect(page.getByTestId('tie-break').locator('li').nth(1)).toHaveAttribute('data-step', 'DURATION');
  await screenshot(page, 'organizer-6-prize-plan');
  await guideScreenshot(page, 'to-chuc-co-cau-giai');
  await expectAccessible(page, 'prize plan');
});
