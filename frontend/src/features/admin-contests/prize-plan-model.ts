/** The prize plan as the API gives and takes it (docs/api.md). */
export type TieBreak = 'SCORE' | 'PREDICTION' | 'DURATION' | 'SUBMITTED_AT';
export type PrizesPerPerson = 'HIGHEST_PER_CONTEST' | 'ONE_PER_LIST';
export type UnitPrizesPer = 'CONTEST' | 'ROUND';

export interface Tier {
  name: string;
  count: number;
}

export interface PrizePlan {
  round: Tier[];
  contest: Tier[];
  unitsByParticipants: Tier[];
  unitsByParticipationRate: Tier[];
  tieBreak: TieBreak[];
  prizesPerPerson: PrizesPerPerson;
  unitPrizesPer: UnitPrizesPer;
}

export interface PrizePlanView {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  plan: PrizePlan;
}

export const TIER_LISTS = ['round', 'contest', 'unitsByParticipants', 'unitsByParticipationRate'] as const;
export type TierList = (typeof TIER_LISTS)[number];

export const DEFAULT_TIE_BREAK: TieBreak[] = ['SCORE', 'PREDICTION', 'DURATION', 'SUBMITTED_AT'];

export function emptyPlan(): PrizePlan {
  return {
    round: [],
    contest: [],
    unitsByParticipants: [],
    unitsByParticipationRate: [],
    tieBreak: [...DEFAULT_TIE_BREAK],
    prizesPerPerson: 'HIGHEST_PER_CONTEST',
    unitPrizesPer: 'CONTEST',
  };
}

/** Moves item `index` by `step` (−1 up, +1 down); the list unchanged at either end. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) {
    return copy;
  }
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/** The form's tiers as typed (counts as text) → the plan to send; a count that is not a number goes as -1 for the server to refuse. */
export function planOf(
  tiers: Record<TierList, { name: string; count: string }[]>,
  rest: Pick<PrizePlan, 'tieBreak' | 'prizesPerPerson' | 'unitPrizesPer'>,
): PrizePlan {
  const list = (key: TierList) =>
    tiers[key].map((tier) => ({
      name: tier.name.trim(),
      count: /^\s*\d+\s*$/.test(tier.count) ? Number(tier.count) : -1,
    }));
  return {
    round: list('round'),
    contest: list('contest'),
    unitsByParticipants: list('unitsByParticipants'),
    unitsByParticipationRate: list('unitsByParticipationRate'),
    tieBreak: rest.tieBreak,
    prizesPerPerson: rest.prizesPerPerson,
    unitPrizesPer: rest.unitPrizesPer,
  };
}
