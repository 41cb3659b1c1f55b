package org.civiquiz.award.exclusion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiquiz.award.WinnersList;
import org.civiquiz.award.internal.AwardException;
import org.civiquiz.award.internal.AwardRepository;
import org.civiquiz.award.internal.CommitteeReason;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.UnitTree;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The committee's exclusions: attempts ruled out of the prizes, with a reason, each
 * logged; none can change under a list that stands. A unit-scoped account sees and
 * decides those of its units' participants only (the units given cover their descendants;
 * none given: every unit); another attempt is not found.
 */
@Service
public class ExclusionService {

	private final ContestService contests;

	private final AwardRepository repository;

	private final TransactionalOperator transaction;

	private final Clock clock;

	ExclusionService(ContestService contests, AwardRepository repository, TransactionalOperator transaction,
			Clock clock) {
		this.contests = contests;
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Rules an attempt out of the prizes, or changes the reason; refused while a list
	 * that covers the attempt stands.
	 * @param slug the contest
	 * @param attempt the attempt
	 * @param reason why
	 * @param actor who
	 * @return done
	 */
	public Mono<Void> exclude(String slug, UUID attempt, String reason, String actor) {
		return exclude(slug, attempt, reason, actor, List.of());
	}

	public Mono<Void> exclude(String slug, UUID attempt, String reason, String actor, List<String> unitCodes) {
		String why = CommitteeReason.validated(reason);
		Instant now = this.clock.instant();
		return unfrozenAttempt(slug, attempt, unitCodes)
			.flatMap((contest) -> this.repository.exclude(contest.id(), attempt, why, now, actor)
				.then(this.repository.log(contest.id(), null, "EXCLUDED", actor, attempt + ": " + why, now)))
			.as(this.transaction::transactional)
			.then();
	}

	public Mono<Void> lift(String slug, UUID attempt, String actor) {
		return lift(slug, attempt, actor, List.of());
	}

	public Mono<Void> lift(String slug, UUID attempt, String actor, List<String> unitCodes) {
		Instant now = this.clock.instant();
		return unfrozenAttempt(slug, attempt, unitCodes)
			.flatMap((contest) -> this.repository.lift(contest.id(), attempt)
				.flatMap((count) -> (count == 0) ? Mono.error(AwardException.exclusionNotFound())
						: this.repository.log(contest.id(), null, "EXCLUSION_LIFTED", actor, attempt.toString(), now)))
			.as(this.transaction::transactional)
			.then();
	}

	public Flux<WinnersList.Excluded> exclusions(String slug) {
		return exclusions(slug, List.of());
	}

	public Flux<WinnersList.Excluded> exclusions(String slug, List<String> unitCodes) {
		return this.contests.settings(slug)
			.flatMapMany((contest) -> this.repository.exclusions(contest.id(), null, units(contest, unitCodes)));
	}

	private Mono<ContestSettings> unfrozenAttempt(String slug, UUID attempt, List<String> unitCodes) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.repository.lock(contest.id())
				.then(this.repository.roundOfAttempt(contest.id(), attempt, units(contest, unitCodes)))
				.switchIfEmpty(Mono.error(AwardException::attemptNotFound))
				.flatMap((round) -> this.repository.frozen(contest.id(), round))
				.flatMap((frozen) -> frozen ? Mono.error(AwardException.alreadyFinalized()) : Mono.just(contest)));
	}

	/** The ids of the units covered, {@code null} for every unit. */
	private static Long[] units(ContestSettings contest, List<String> unitCodes) {
		return unitCodes.isEmpty() ? null
				: UnitTree.covered(contest.units(), unitCodes).stream().map(Unit::id).toArray(Long[]::new);
	}

}
