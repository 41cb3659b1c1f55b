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
    forgetHeading: 'Dùng máy chung?',
    forgetText:
      'Trình duyệt này chỉ giữ những gì cần để làm tiếp bài đang dở; sau khi nộp, mã lượt thi chỉ còn trong thẻ này để xem kết quả và mất đi khi đóng thẻ. Bạn có thể xóa hết ngay bây giờ.',
    forgetButton: 'Quên tôi trên thiết bị này',
    forgetConfirmTitle: 'Xóa dữ liệu của bạn trên thiết bị này?',
    forgetConfirmText:
      'Mọi thứ Civiquiz lưu trong trình duyệt này sẽ bị xóa: mã các lượt thi, câu trả lời của bài đang làm dở, mã ngẫu nhiên của trình duyệt và ngôn ngữ đã chọn. Bài đang làm dở sẽ không làm tiếp được trên thiết bị này. Kết quả đã nộp vẫn được Ban tổ chức ghi nhận.',
    forgetConfirm: 'Xóa hết',
    forgetCancel: 'Hủy',
    forgotten: 'Đã xóa. Civiquiz không còn lưu gì trên trình duyệt này.',
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
    forgetHeading: 'On a shared computer?',
    forgetText:
      'This browser keeps only what an unfinished exam needs; once you submit, the attempt code stays in this tab only, to show your result, and goes when the tab is closed. You can remove it all now.',
    forgetButton: 'Forget me on this device',
    forgetConfirmTitle: 'Remove your data from this device?',
    forgetConfirmText:
      'Everything Civiquiz keeps in this browser will be removed: attempt codes, the answers of an unfinished exam, the browser’s random id and the chosen language. An unfinished exam can no longer be continued on this device. Submitted results stay recorded by the organizers.',
    forgetConfirm: 'Remove all',
    forgetCancel: 'Cancel',
    forgotten: 'Done. Civiquiz keeps nothing in this browser any more.',
  },
});
