import { describe, expect, it } from 'vitest';
import type { ContestDetails } from '../../lib/api-types';
import { countdownTarget } from './countdown';

const contest = {
  status: 'OPEN',
  opensAt: '2026-03-01T00:00:00Z',
  closesAt: '2026-03-15T00:00:00Z',
  rounds: [
    { number: 1, name: 'Tuần 1', opensAt: '2026-03-01T00:00:00Z', closesAt: '2026-03-07T00:00:00Z', current: false },
    { number: 2, name: 'Tuần 2', opensAt: '2026-03-08T00:00:00Z', closesAt: '2026-03-15T00:00:00Z', current: false },
  ],
} as unknown as ContestDetails;

describe('contest countdown', () => {
  it('counts down to the opening, the end of the current round, the next round, then nothing', () => {
    expect(countdownTarget(contest, Date.parse('2026-02-28T00:00:00Z'))).toMatchObject({
      label: 'Cuộc thi bắt đầu sau',
      at: Date.parse(contest.opensAt),
    });
    expect(countdownTarget(contest, Date.parse('2026-03-02T00:00:00Z'))).toMatchObject({
      label: 'Vòng thi hiện tại kết thúc sau',
      at: Date.parse('2026-03-07T00:00:00Z'),
    });
    expect(countdownTarget(contest, Date.parse('2026-03-07T12:00:00Z'))).toMatchObject({
      label: 'Vòng tiếp theo bắt đầu sau',
      at: Date.parse('2026-03-08T00:00:00Z'),
    });
    expect(countdownTarget(contest, Date.parse('2026-03-16T00:00:00Z'))).toBeNull();
  });
});
