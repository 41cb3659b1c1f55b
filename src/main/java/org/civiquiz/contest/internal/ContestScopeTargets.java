package org.civiquiz.contest.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.Unit;
import org.civiquiz.security.ScopeTargets;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The contests and units an admin may name in a staff account's scope.
 */
@Component
class ContestScopeTargets implements ScopeTargets {

	private final ContestService contests;

	ContestScopeTargets(ContestService contests) {
		this.contests = contests;
	}

	@Override
	public Mono<Set<String>> unitCodes(String slug) {
		return this.contests.settings(slug)
			.map((contest) -> contest.units().stream().map(Unit::code).collect(Collectors.toSet()))
			.onErrorResume(ContestException.class, (ex) -> Mono.empty());
	}

}
