import { describe, expect, it } from 'vitest';
import { tierList } from './prizes';

describe('tierList', () => {
  it('lists the tiers highest first with their counts', () => {
    expect(
      tierList([
        { name: 'Giải Nhất', count: 1 },
        { name: 'Giải Nhì', count: 2 },
      ]),
    ).toBe('1 Giải Nhất, 2 Giải Nhì');
  });

  it('is empty for no tiers', () => {
    expect(tierList([])).toBe('');
  });
});
