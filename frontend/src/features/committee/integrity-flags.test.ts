import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import {
  evidenceText,
  exclusionReason,
  FLAG_KINDS,
  kindsByAttempt,
  kindText,
  type IntegrityFlag,
} from './integrity-flags';

const who = { participantId: 7, maskedName: 'Trần T. B.', roundNumber: 1, score: 20, excluded: false };

const tooFast: IntegrityFlag = {
  ...who,
  kind: 'TOO_FAST',
  attemptId: 'a1',
  evidence: { durationMs: 59_999, thresholdMs: 60_000, questions: 20, score: 20, minScore: 15 },
};
const identical: IntegrityFlag = {
  ...who,
  kind: 'IDENTICAL_ANSWERS',
  attemptId: 'a1',
  evidence: { sequence: 'ABCD-', participants: 3, attempts: 4, otherAttemptIds: ['a2', 'a3', 'a4'] },
};
const network: IntegrityFlag = {
  ...who,
  kind: 'SHARED_NETWORK',
  attemptId: 'a2',
  evidence: {
    label: '1a2b3c4d',
    participants: 31,
    attempts: 33,
    from: '2024-05-06T01:00:00Z',
    to: '2024-05-06T01:09:30Z',
    threshold: 30,
    windowSeconds: 600,
  },
};
const device: IntegrityFlag = {
  ...network,
  kind: 'SHARED_DEVICE',
  attemptId: 'a3',
  evidence: { ...network.evidence, participants: 3, attempts: 3, threshold: 3, windowSeconds: 90 },
};
const names: IntegrityFlag = {
  ...who,
  kind: 'PHONE_MANY_NAMES',
  attemptId: 'a2',
  evidence: {
    names: [
      { name: 'Nguyễn Văn An', attempts: 2 },
      { name: 'Trần Thị Bình', attempts: 1 },
      { name: 'Lê Văn Cường', attempts: 1 },
    ],
    threshold: 3,
    enteredName: 'Trần Thị Bình',
  },
};

const changed: IntegrityFlag = {
  ...who,
  kind: 'PHONE_DETAILS_CHANGED',
  attemptId: 'a4',
  evidence: {
    registered: { fullName: 'Trần Văn Mạo', unitCode: 'HTX-2', district: 'Huyện Thủy Nguyên' },
    registeredAt: '2024-05-06T01:00:00Z',
    entered: { fullName: 'Nguyễn Thị Hồng', unitCode: 'HTX-1', district: 'Quận Hồng Bàng' },
    phoneVerified: false,
  },
};

describe('integrity flags in words', () => {
  afterEach(() => setLocale('vi'));

  it('names every kind in both languages', () => {
    for (const kind of FLAG_KINDS) {
      expect(kindText(kind)).not.toBe(kind);
      setLocale('en');
      expect(kindText(kind)).not.toBe(kind);
      setLocale('vi');
    }
    expect(kindText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('gives the figures of a fast attempt to the millisecond', () => {
    expect(evidenceText(tooFast)).toBe(
      'Nộp bài sau 59,999 giây cho 20 câu, dưới thời gian đọc tối thiểu 60 giây; đúng 20/20 câu (xét từ 15 câu).',
    );
    setLocale('en');
    expect(evidenceText(tooFast)).toBe(
      'Submitted after 59.999 s for 20 questions, under the least reading time of 60 s; 20/20 right (signs start at 15).',
    );
  });

  it('counts the other people sharing a sequence', () => {
    expect(evidenceText(identical)).toBe('Chuỗi đáp án ABCD- trùng với bài của 2 người khác (4 bài thi cùng chuỗi).');
  });

  it('shows a burst in Vietnam time with its window, never more than the label of the origin', () => {
    const text = evidenceText(network);
    expect(text).toContain('31 người bắt đầu 33 bài thi từ cùng một mạng (mã 1a2b3c4d)');
    expect(text).toContain('08:00:00');
    expect(text).toContain('08:09:30');
    expect(text).toContain('ngưỡng: 30 người trong 10 phút');
    expect(evidenceText(device)).toContain('cùng một trình duyệt');
    expect(evidenceText(device)).toContain('3 người trong 1 phút 30 giây');
  });

  it('lists the names used with the phone and the one of this attempt', () => {
    expect(evidenceText(names)).toBe(
      'Số điện thoại được dùng với 3 tên khác nhau: Nguyễn Văn An (2 lượt); Trần Thị Bình (1 lượt); Lê Văn Cường (1 lượt). Bài này được bắt đầu với tên “Trần Thị Bình”.',
    );
    const older = { ...names, evidence: { ...names.evidence, enteredName: null } } as IntegrityFlag;
    expect(evidenceText(older)).not.toContain('Bài này');
  });

  it('puts the phone’s first registration next to what this start entered', () => {
    const text = evidenceText(changed);
    expect(text).toContain('đăng ký lần đầu với “Trần Văn Mạo, HTX-2, Huyện Thủy Nguyên”');
    expect(text).toContain('08:00:00');
    expect(text).toContain('bắt đầu với “Nguyễn Thị Hồng, HTX-1, Quận Hồng Bàng”');
    expect(text).not.toContain('xác minh');
    const verified = { ...changed, evidence: { ...changed.evidence, phoneVerified: true } } as IntegrityFlag;
    expect(evidenceText(verified)).toContain('Lần bắt đầu này đã xác minh số điện thoại bằng mã.');
    // a start made before units and districts were recorded: its name only
    const older = {
      ...changed,
      evidence: { ...changed.evidence, entered: { fullName: 'Nguyễn Thị Hồng', unitCode: null, district: null } },
    } as IntegrityFlag;
    expect(evidenceText(older)).toContain('bắt đầu với “Nguyễn Thị Hồng”');
    setLocale('en');
    expect(evidenceText(changed)).toContain('first registered as “Trần Văn Mạo, HTX-2, Huyện Thủy Nguyên”');
  });

  it('makes an exclusion reason of the sign and its evidence, within the length the server takes', () => {
    expect(exclusionReason(tooFast)).toBe(`Làm bài quá nhanh: ${evidenceText(tooFast)}`);
    const many = {
      ...names,
      evidence: {
        ...names.evidence,
        names: Array.from({ length: 80 }, (_, i) => ({ name: `Người Dự Thi Số ${i}`, attempts: 1 })),
      },
    } as IntegrityFlag;
    const reason = exclusionReason(many);
    expect(reason.length).toBe(1000);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('gathers the kinds of each attempt once, in a fixed order', () => {
    const byAttempt = kindsByAttempt([names, identical, network, tooFast, tooFast]);
    expect(byAttempt.get('a1')).toEqual(['TOO_FAST', 'IDENTICAL_ANSWERS']);
    expect(byAttempt.get('a2')).toEqual(['SHARED_NETWORK', 'PHONE_MANY_NAMES']);
    expect(byAttempt.has('a9')).toBe(false);
  });
});
