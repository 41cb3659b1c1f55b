import { describe, expect, it } from 'vitest';
import { publicBankWarning } from './contest-warnings';

describe('publicBankWarning', () => {
  it('finds the public-bank warning among the others', () => {
    const warning = { code: 'PUBLIC_BANK', bank: 'luat-htx-2023' };
    expect(publicBankWarning([{ code: 'SOMETHING_ELSE', bank: 'x' }, warning])).toBe(warning);
  });
  it('is null when the server warns of nothing, or says nothing', () => {
    expect(publicBankWarning([])).toBeNull();
    expect(publicBankWarning(undefined)).toBeNull();
    expect(publicBankWarning([{ code: 'SOMETHING_ELSE', bank: 'x' }])).toBeNull();
  });
});
