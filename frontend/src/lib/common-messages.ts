import { translator } from './i18n';

export const tc = translator({
  vi: {
    siteName: 'Civiquiz',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    networkError: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    unexpectedError: 'Đã có lỗi. Vui lòng thử lại sau.',
    footer: 'Cuộc thi tìm hiểu pháp luật · Civiquiz, phần mềm mã nguồn mở',
  },
  en: {
    siteName: 'Civiquiz',
    switchLanguage: 'Tiếng Việt',
    switchLanguageLabel: 'Chuyển sang tiếng Việt',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    retry: 'Try again',
    networkError: 'Cannot reach the server. Check your connection and try again.',
    unexpectedError: 'Something went wrong. Please try again later.',
    footer: 'Law-awareness contest · Civiquiz, open-source software',
  },
});
