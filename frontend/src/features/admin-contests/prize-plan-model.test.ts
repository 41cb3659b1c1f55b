import { describe, expect, it } from 'vitest';
import { emptyPlan, moved, planOf } from './prize-plan-model';

describe('prize plan', () => {
  it('moves a tie-break step up or down, never off the list', () => {
    const chain = ['SCORE', 'PREDICTION', 'DURATION', 'SUBMITTED_AT'];
    expect(moved(chain, 2, -1)).toEqual(['SCORE', 'DURATION', 'PREDICTION', 'SUBMITTED_AT']);
    expect(moved(chain, 0, 1)).toEqual(['PREDICTION', 'SCORE', 'DURATION', 'SUBMITTED_AT']);
    expect(moved(chain, 0, -1)).toEqual(chain);
    expect(moved(chain, 3, 1)).toEqual(chain);
  });

  it('maps typed tiers to the request, a bad count left for the server to name', () => {
    const plan = planOf(
      {
        round: [
          { name: ' Giải Nhất ', count: '1' },
          { name: 'Giải Nhì', count: 'hai' },
        ],
        contest: [],
        unitsByParticipants: [{ name: 'Giải tập thể', count: '2' }],
        unitsByParticipationRate: [],
      },
      {
        tieBreak: ['SCORE', 'DURATION', 'PREDICTION', 'SUBMITTED_AT'],
        prizesPerPerson: 'ONE_PER_LIST',
        unitPrizesPer: 'ROUND',
      },
    );
    expect(plan.round).toEqual([
      { name: 'Giải Nhất', count: 1 },
      { name: 'Giải Nhì', count: -1 },
    ]);
    expect(plan.unitsByParticipants).toEqual([{ name: 'Giải tập thể', count: 2 }]);
    expect(plan.tieBreak[1]).toBe('DURATION');
    expect(plan.prizesPerPerson).toBe('ONE_PER_LIST');
  });

  it('takes the tiers as typed, never the ones of the plan it started from', () => {
    const start = { ...emptyPlan(), round: [{ name: 'Cũ', count: 9 }] };
    const plan = planOf(
      {
        round: [{ name: 'Giải Nhất', count: '1' }],
        contest: [],
        unitsByParticipants: [],
        unitsByParticipationRate: [],
      },
      start,
    );
    expect(plan.round).toEqual([{ name: 'Giải Nhất', count: 1 }]);
    expect(Object.keys(plan).sort()).toEqual([
      'contest',
      'prizesPerPerson',
      'round',
      'tieBreak',
      'unitPrizesPer',
      'unitsByParticipants',
      'unitsByParticipationRate',
    ]);
  });

  it('starts from the documented defaults', () => {
    expect(emptyPlan().tieBreak).toEqual(['SCORE', 'PREDICTION', 'DURATION', 'SUBMITTED_AT']);
    expect(emptyPlan().unitPrizesPer).toBe('CONTEST');
  });
});
