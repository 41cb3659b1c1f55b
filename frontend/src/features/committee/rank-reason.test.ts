import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { rankReasonText } from './messages';

describe('rank reasons', () => {
  afterEach(() => setLocale('vi'));
  it('reads every code the server gives, in both languages', () => {
    for (const code of ['SCORE', 'PREDICTION', 'DURATION', 'SUBMITTED_AT', 'ATTEMPT_ID', 'LAST']) {
      expect(rankReasonText(code)).not.toBe(code);
    }
    expect(rankReasonText('PREDICTION')).toContain('dự đoán');
    setLocale('en');
    expect(rankReasonText('DURATION')).toContain('shorter time');
  });
  it('shows an unknown code as is', () => {
    expect(rankReasonText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
