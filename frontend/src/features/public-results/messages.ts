import { translator } from '../../lib/i18n';

export const t = translator({
  vi: {
    title: 'Kết quả: {contest}',
    titlePlain: 'Kết quả cuộc thi',
    intro:
      'Danh sách đoạt giải đã được Hội đồng xét giải chốt, mới nhất trước. Tên người đoạt giải chỉ hiện họ và chữ cái đầu của tên đệm và tên.',
    none: 'Chưa có danh sách đoạt giải nào được chốt.',
    finalizedAt: 'Chốt lúc {at}',
    facts:
      '{participants} người dự thi, {attempts} bài thi; {actual} bài thi đạt điểm tuyệt đối (giá trị thực của câu hỏi dự đoán).',
    rank: 'Hạng',
    name: 'Họ và tên',
    unit: 'Đơn vị',
    district: 'Quận/huyện',
    prize: 'Giải',
    winners: 'Người đoạt giải: {list}',
    unitPrizes: 'Giải tập thể',
    participants: '{n} người dự thi',
    rate: 'tỷ lệ {rate}%',
    sha256: 'Mã kiểm tra SHA-256 của danh sách:',
    sha256Hint: 'Mã này khớp với tệp danh sách do Hội đồng công bố: ai cũng có thể kiểm tra tệp không bị sửa.',
    backToContest: 'Về trang cuộc thi',
  },
  en: {
    title: 'Results: {contest}',
    titlePlain: 'Contest results',
    intro:
      'The winners lists finalized by the award committee, newest first. Winners are shown by family name and initials.',
    none: 'No winners list has been finalized yet.',
    finalizedAt: 'Finalized at {at}',
    facts:
      '{participants} participants, {attempts} attempts; {actual} attempts with every answer right (the prediction question’s actual value).',
    rank: 'Rank',
    name: 'Name',
    unit: 'Unit',
    district: 'District',
    prize: 'Prize',
    winners: 'Winners: {list}',
    unitPrizes: 'Collective prizes',
    participants: '{n} participants',
    rate: '{rate}% took part',
    sha256: 'SHA-256 of the list:',
    sha256Hint: 'It matches the list file the committee publishes: anyone can check that the file was not edited.',
    backToContest: 'Back to the contest',
  },
});
