import { translator } from '../../lib/i18n';

export const t = translator({
  vi: {
    title: 'Đáp án',
    titleOf: 'Đáp án: {contest}',
    intro:
      'Mọi câu hỏi của ngân hàng câu hỏi cuộc thi, với đáp án đúng, lời giải thích và điều luật làm căn cứ. Đáp án đúng được in đậm và đánh dấu.',
    print: 'In đáp án',
    backToContest: 'Về trang cuộc thi',
    pendingFrom: 'Đáp án của cuộc thi sẽ được công bố từ {at}.',
    never: 'Ban tổ chức không công bố đáp án của cuộc thi này.',
    chapterN: 'Chương {n}',
    questions: '{n} câu hỏi',
    correctOption: '(đáp án đúng)',
    answer: 'Đáp án: {letter}.',
    article: 'Căn cứ: Điều {n}',
    articleTitled: 'Căn cứ: Điều {n}. {title}',
  },
  en: {
    title: 'Answer key',
    titleOf: 'Answer key: {contest}',
    intro:
      'Every question of the contest’s question bank, with its correct answer, the explanation and the article of the law it rests on. Correct answers are in bold and marked.',
    print: 'Print the answer key',
    backToContest: 'Back to the contest',
    pendingFrom: 'The contest’s answer key will be published from {at}.',
    never: 'The organizers do not publish the answers of this contest.',
    chapterN: 'Chapter {n}',
    questions: '{n} questions',
    correctOption: '(correct answer)',
    answer: 'Answer: {letter}.',
    article: 'Source: Article {n}',
    articleTitled: 'Source: Article {n}. {title}',
  },
});
