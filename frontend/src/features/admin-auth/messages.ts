import { translator } from '../../lib/i18n';

export const t = translator({
  vi: {
    title: 'Đăng nhập Ban tổ chức',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    busy: 'Đang có nhiều người đăng nhập cùng lúc. Trang tự thử lại sau {seconds} giây (lần {next}); bạn không cần bấm lại.',
    wrong: 'Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.',
    required: 'Vui lòng nhập thông tin này.',
    note: 'Phiên đăng nhập hết hạn sau 8 giờ không dùng. Trình duyệt không lưu mật khẩu của bạn.',
    roles: 'Mỗi thành viên Ban tổ chức và Hội đồng xét giải dùng tài khoản riêng do quản trị viên cấp.',
  },
  en: {
    title: 'Organizer sign-in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    busy: 'Many people are signing in at once. The page tries again by itself in {seconds} s (try {next}); no need to press again.',
    wrong: 'Wrong username or password, or the account is disabled.',
    required: 'This field is required.',
    note: 'The session ends after 8 hours unused. The browser does not keep your password.',
    roles: 'Each organizer and committee member uses their own account, given by the admin.',
  },
});
