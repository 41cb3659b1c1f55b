package org.civiquiz.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.civiquiz.security.account.AccountException;
import org.civiquiz.security.account.AccountRepository;
import org.civiquiz.security.account.AccountScope;
import org.civiquiz.security.scope.ContestScopeFilter;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;

/**
 * The scope of the staff account making the request, for the features that filter what
 * they show by it: the organizers' list of contests, and the figures, integrity flags and
 * exclusions that a unit-scoped account sees of its units only. Whether a contest may be
 * reached at all is decided before any of them runs ({@link ContestScopeFilter}). Outside
 * a request (start-up, the seeders, scheduled work) there is no account and no limit.
 */
@Service
public class StaffScopes {

	private final AccountRepository accounts;

	StaffScopes(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * @return the scope of the account making the request, empty for every contest
	 */
	public Mono<Optional<AccountScope>> current() {
		return username().flatMap(this.accounts::find)
			.map((account) -> Optional.ofNullable(account.scope()))
			.defaultIfEmpty(Optional.empty());
	}

	/**
	 * @return which contests (by slug) the account making the request sees
	 */
	public Mono<Predicate<String>> contestFilter() {
		return current().map((scope) -> (slug) -> scope.map((s) -> s.contest(slug).isPresent()).orElse(true));
	}

	/**
	 * The units the account making the request is limited to in a contest.
	 * @param slug the contest
	 * @return the units' codes (each covering its descendants), empty for the whole
	 * contest; {@code CONTEST_NOT_FOUND} for a contest outside the scope
	 */
	public Mono<List<String>> units(String slug) {
		return current().map((scope) -> scope
			.map((s) -> s.contest(slug).orElseThrow(() -> AccountException.contestNotFound(slug)).units())
			.orElse(List.of()));
	}

	/**
	 * Puts a contest the account making the request has just created in its scope (the
	 * whole contest), if it has a scope. Called in the creation's transaction.
	 * @param slug the new contest
	 * @return done
	 */
	public Mono<Void> enterCreated(String slug) {
		return username().flatMap((username) -> this.accounts.addContest(username, slug)).then();
	}

	private static Mono<String> username() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(Authentication::getName);
	}

}
