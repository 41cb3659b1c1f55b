/**
 * Practice ("thi thử"): a contest that ranks nobody, so it shows no leaderboard, prizes or
 * ranks. A server that does not say (`ranked` absent) means a ranked contest.
 */
export function isPractice(contest: { ranked?: boolean }): boolean {
  return contest.ranked === false;
}

/** Attempts per round without limit: `maxAttemptsPerRound` 0, which only practice may have. */
export function attemptsUnlimited(contest: { maxAttemptsPerRound: number }): boolean {
  return contest.maxAttemptsPerRound === 0;
}

/** The open contests to list: the ranked ones first, then practice, each in the server's order. */
export function splitPractice<T extends { ranked?: boolean }>(contests: T[]): { ranked: T[]; practice: T[] } {
  return {
    ranked: contests.filter((contest) => !isPractice(contest)),
    practice: contests.filter((contest) => isPractice(contest)),
  };
}
