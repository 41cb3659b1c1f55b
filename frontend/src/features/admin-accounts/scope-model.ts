import type { StaffScope } from '../../lib/staff-scope';

/** The scope with the contest in it (the whole contest) or out of it. */
export function withContest(scope: StaffScope, slug: string, included: boolean): StaffScope {
  const others = scope.contests.filter((c) => c.slug !== slug);
  return { contests: included ? [...others, { slug, units: [] }] : others };
}

/** The scope with the contest's unit chosen or not; no unit chosen: the whole contest. */
export function withUnit(scope: StaffScope, slug: string, code: string, chosen: boolean): StaffScope {
  return {
    contests: scope.contests.map((c) =>
      c.slug !== slug
        ? c
        : { slug, units: chosen ? [...c.units.filter((u) => u !== code), code] : c.units.filter((u) => u !== code) },
    ),
  };
}

/** One line for the accounts table: `slug` or `slug: U1, U2` per contest, `; ` between them. */
export function scopeSummary(scope: StaffScope | null, every: string, none: string): string {
  if (!scope) return every;
  if (!scope.contests.length) return none;
  return scope.contests.map((c) => (c.units.length ? `${c.slug}: ${c.units.join(', ')}` : c.slug)).join('; ');
}
