/**
 * A staff account's scope, as `GET /api/session` and the accounts list show it: the
 * contests it may see and, within each, the units it is limited to (none: the whole
 * contest). `null`: every contest.
 */
export interface ContestScope {
  slug: string;
  units: string[];
}

export interface StaffScope {
  contests: ContestScope[];
}

/** The units the scope limits a contest to: `null` for the whole contest (or no scope). */
export function unitsIn(scope: StaffScope | null | undefined, slug: string): string[] | null {
  const units = scope?.contests.find((c) => c.slug === slug)?.units ?? [];
  return units.length ? units : null;
}
