import { describe, expect, it } from 'vitest';
import { type ContestForm, fieldsOf, newContestFields, parseQuotas, requestOf } from './contest-form-model';

const stored: ContestForm = {
  slug: 'luat-htx-2023',
  title: 'Tìm hiểu Luật Hợp tác xã 2023',
  law: 'Luật Hợp tác xã 2023',
  description: 'Mô tả',
  rules: 'Thể lệ',
  consentText: 'Ban tổ chức dùng họ tên và số điện thoại để trao giải.\n\nLưu 180 ngày.',
  questionBank: 'luat-htx-2023',
  opensAt: '2026-11-30T17:00:00Z',
  closesAt: '2026-12-31T16:59:00Z',
  timeLimitMinutes: 20,
  questionsPerAttempt: 20,
  maxAttemptsPerRound: 3,
  chapterQuotas: { '4': 2, '1': 3 },
  predictionQuestion: 'Bao nhiêu người?',
  districts: ['Quận Hồng Bàng', 'Huyện Thủy Nguyên'],
  status: 'OPEN',
  phoneVerification: 'REQUIRED',
  reviewPolicy: 'AFTER_ROUND_CLOSES',
  overdueHandling: 'DISCARD',
  certificate: { enabled: true, minScore: 15, issuer: 'Sở Tư pháp thành phố Hải Phòng', place: 'Hải Phòng' },
  rounds: [
    { number: 1, name: 'Tuần 1', opensAt: '2026-11-30T17:00:00Z', closesAt: '2026-12-07T16:59:00Z' },
    { number: 2, name: 'Tuần 2', opensAt: '2026-12-07T17:00:00Z', closesAt: '2026-12-14T16:59:00Z' },
  ],
  units: [
    { code: 'LM', name: 'Liên minh HTX', parentCode: null, headcount: null },
    { code: 'HTX-1', name: 'HTX Đồng Tâm', parentCode: 'LM', headcount: 40 },
  ],
  ranked: true,
};

describe('contest form', () => {
  it('shows times in Vietnam time and lists as text', () => {
    const fields = fieldsOf(stored);
    expect(fields.opensAt).toBe('2026-12-01T00:00');
    expect(fields.rounds[1].closesAt).toBe('2026-12-14T23:59');
    expect(fields.chapterQuotas).toBe('1: 3, 4: 2');
    expect(fields.districts).toBe('Quận Hồng Bàng\nHuyện Thủy Nguyên');
    expect(fields.units[0].headcount).toBe('');
    expect(fields.units[1].headcount).toBe('40');
  });

  it('round-trips a stored contest unchanged', () => {
    const { form, errors } = requestOf(fieldsOf(stored));
    expect(errors).toEqual({});
    expect(form).toEqual({ ...stored, chapterQuotas: { '1': 3, '4': 2 } });
  });

  it('sends empty and non-numeric boxes as null for the server to judge', () => {
    const fields = newContestFields();
    fields.timeLimitMinutes = '';
    fields.rounds[0].number = 'x';
    const { form } = requestOf(fields);
    expect(form.timeLimitMinutes).toBeNull();
    expect(form.opensAt).toBeNull();
    expect(form.rounds[0].number).toBeNull();
    expect(form.units[0].parentCode).toBeNull();
    expect(form.status).toBe('DRAFT');
    // phones are taken as typed unless the organizers ask for codes
    expect(form.phoneVerification).toBe('OFF');
    // the key stays secret until the contest closes unless the organizers choose otherwise
    expect(form.reviewPolicy).toBe('AFTER_CONTEST_CLOSES');
    // an attempt whose time ran out is submitted from its last save unless they say otherwise
    expect(form.overdueHandling).toBe('AUTO_SUBMIT');
    // an empty consent text asks the server for its default one
    expect(form.consentText).toBe('');
    // no certificates unless the organizers turn them on
    expect(form.certificate).toEqual({ enabled: false, minScore: 15, issuer: null, place: null });
  });

  it('sends practice unranked, leaving the limit and the prediction question to the server', () => {
    const fields = fieldsOf({ ...stored, ranked: false, maxAttemptsPerRound: 0, predictionQuestion: '' });
    expect(fields.ranked).toBe(false);
    expect(fields.maxAttemptsPerRound).toBe('0');
    fields.maxAttemptsPerRound = '';
    const { form, errors } = requestOf(fields);
    expect(errors).toEqual({});
    expect(form.ranked).toBe(false);
    // an empty box: no limit for practice (the server stores 0)
    expect(form.maxAttemptsPerRound).toBeNull();
    expect(form.predictionQuestion).toBe('');
    // a contest stored before the setting existed is ranked
    expect(fieldsOf({ ...stored, ranked: undefined }).ranked).toBe(true);
  });

  it('reads chapter quotas or says they are malformed', () => {
    expect(parseQuotas('')).toEqual({});
    expect(parseQuotas('1: 3, 2=4\n5:1')).toEqual({ '1': 3, '2': 4, '5': 1 });
    expect(parseQuotas('1: three')).toBeNull();
    expect(parseQuotas('1: 3, 1: 4')).toBeNull();
    const fields = newContestFields();
    fields.chapterQuotas = 'chương 1';
    expect(requestOf(fields).errors).toEqual({ chapterQuotas: 'CHAPTER_QUOTAS_FORMAT' });
  });
});
