/**
 * Who may do what: the bootstrap accounts (organizer, committee, admin) with HTTP Basic
 * for the admin API; everything a citizen does is open.
 * <p>
 * <strong>Scopes.</strong> A staff account may be limited to some contests, and within a
 * contest to some units ({@link org.civiquiz.security.account.AccountScope}); an account
 * without a scope sees every contest, and only an admin grants that (an admin account has
 * no scope). The rules, for whoever adds a staff endpoint:
 * <ul>
 * <li>Every staff endpoint of one contest lives under
 * {@code /api/admin/contests/{slug}/…}, where the segment after {@code contests/} is the
 * contest's slug. The scope is enforced there, in one place
 * ({@link org.civiquiz.security.scope.ContestScopeFilter}), after the role checks and
 * before any controller: a contest outside the scope is 404 {@code CONTEST_NOT_FOUND},
 * exactly as a contest that does not exist, so a new endpoint is covered without a line
 * of its own. Never put a contest's staff endpoint elsewhere, and never take a contest
 * from anything but that path segment (an id in the body or a query parameter is not
 * checked).</li>
 * <li>A unit-scoped account may call only the endpoints listed in
 * {@code ContestScopeFilter.FOR_UNITS}; every other endpoint of the contest answers 403
 * {@code WHOLE_CONTEST_REQUIRED}. An endpoint joins the list only once it answers for the
 * account's units alone, reading them from
 * {@link org.civiquiz.security.StaffScopes#units(String)} (a unit covers its
 * descendants).</li>
 * <li>Lists of contests filter themselves with
 * {@link org.civiquiz.security.StaffScopes#contestFilter()}; a contest a scoped account
 * creates enters its scope ({@link org.civiquiz.security.StaffScopes#enterCreated}).</li>
 * </ul>
 */
package org.civiquiz.security;
