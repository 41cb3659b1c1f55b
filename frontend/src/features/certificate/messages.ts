import { translator } from '../../lib/i18n';

export const t = translator({
  vi: {
    title: 'Xác minh giấy chứng nhận',
    intro: 'Nhập mã xác minh in trên giấy chứng nhận (hoặc quét mã QR) để kiểm tra giấy do Civiquiz cấp.',
    code: 'Mã xác minh',
    codeHint: 'Gồm 20 chữ và số, ví dụ 7K3QM-2XHD9-0AB1C-DEFGH; không phân biệt chữ hoa, chữ thường.',
    check: 'Kiểm tra',
    valid: 'Giấy chứng nhận hợp lệ',
    invalid: 'Giấy chứng nhận không còn hiệu lực',
    reason_revoked: 'Hội đồng xét giải đã loại bài thi mà giấy chứng nhận dựa vào.',
    reason_superseded: 'Giấy này đã được thay bằng một giấy chứng nhận mới hơn của cùng người dự thi.',
    'reason_prize-withdrawn': 'Giải ghi trên giấy không còn trong danh sách đoạt giải đã chốt.',
    notFound: 'Không có giấy chứng nhận nào mang mã này. Hãy kiểm tra lại mã đã nhập.',
    contest: 'Cuộc thi',
    name: 'Người được cấp',
    score: 'Kết quả cao nhất',
    scoreValue: '{score}/{total} câu đúng',
    prize: 'Giải',
    issuedAt: 'Ngày cấp',
    shownCode: 'Mã xác minh',
  },
  en: {
    title: 'Verify a certificate',
    intro:
      'Enter the verification code printed on the certificate (or scan its QR code) to check a certificate issued by Civiquiz.',
    code: 'Verification code',
    codeHint: '20 letters and digits, e.g. 7K3QM-2XHD9-0AB1C-DEFGH; upper or lower case.',
    check: 'Check',
    valid: 'The certificate is valid',
    invalid: 'The certificate is no longer valid',
    reason_revoked: 'The award committee excluded the attempt the certificate rests on.',
    reason_superseded: 'A newer certificate of the same participant replaced this one.',
    'reason_prize-withdrawn': 'The prize it names is no longer in a finalized winners list.',
    notFound: 'No certificate has this code. Check the code you entered.',
    contest: 'Contest',
    name: 'Issued to',
    score: 'Best score',
    scoreValue: '{score} of {total} correct',
    prize: 'Prize',
    issuedAt: 'Issued on',
    shownCode: 'Verification code',
  },
});

export type MessageKey = Parameters<typeof t>[0];
