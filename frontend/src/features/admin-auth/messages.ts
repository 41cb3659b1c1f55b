import { translator } from '../../lib/i18n';

export const t = translator({
  vi: {
    title: 'Đăng nhập Ban tổ chức',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signingIn: 'Đang đăng nhập…',
    wrong: 'Sai tên đăng nhập hoặc mật khẩu.',
    forbidden: 'Tài khoản này không được vào trang quản trị.',
    required: 'Vui lòng nhập thông tin này.',
    note: 'Thông tin đăng nhập chỉ được giữ trong thẻ trình duyệt này và mất khi đóng thẻ.',
    roles: 'Ban tổ chức đăng nhập bằng tài khoản organizer; Hội đồng xét giải bằng tài khoản committee.',
  },
  en: {
    title: 'Organizer sign-in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrong: 'Wrong username or password.',
    forbidden: 'This account may not use the admin pages.',
    required: 'This field is required.',
    note: 'The credentials are kept in this browser tab only and are gone when it closes.',
    roles: 'Organizers sign in as organizer; the award committee as committee.',
  },
});
