package org.civiquiz.award;

import java.time.Clock;
import java.time.Instant;

import org.civiquiz.award.internal.AwardException;
import org.civiquiz.award.internal.AwardRepository;
import org.civiquiz.award.internal.AwardRepository.StoredPlan;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A contest's prize plan: the prizes per round and for the whole contest, the tie-break
 * and the unit prizes. Each change is a new revision, logged; a list finalized before
 * keeps the revision it used.
 */
@Service
public class PrizePlanService {

	private final ContestService contests;

	private final AwardRepository repository;

	private final TransactionalOperator transaction;

	private final Clock clock;

	PrizePlanService(ContestService contests, AwardRepository repository, TransactionalOperator transaction,
			Clock clock) {
		this.contests = contests;
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
	}

	public Mono<PrizePlanView> plan(String slug) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.repository.plan(contest.id()))
			.map(PrizePlanService::view)
			.switchIfEmpty(Mono.error(() -> AwardException.planMissing(slug)));
	}

	/**
	 * The plan of a contest the public can see; an empty plan when none is set yet.
	 * @param slug the contest
	 * @return the plan, or {@code CONTEST_NOT_FOUND} (drafts included)
	 */
	public Mono<PrizePlan> publicPlan(String slug) {
		return this.contests.settings(slug)
			.filter((contest) -> contest.status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> AwardException.contestNotFound(slug)))
			.flatMap((contest) -> this.repository.plan(contest.id()))
			.map(StoredPlan::plan)
			.defaultIfEmpty(new PrizePlan(null, null, null, null, null, null, null));
	}

	/**
	 * Sets the contest's prize plan; lists finalized before keep the revision they used.
	 * @param slug the contest
	 * @param plan the new plan
	 * @param actor who sets it
	 * @return the plan with its new revision, or {@code CONTEST_UNRANKED} for a practice
	 * contest, which awards nothing
	 */
	public Mono<PrizePlanView> updatePlan(String slug, PrizePlan plan, String actor) {
		PrizePlan valid = plan.validated();
		Instant now = this.clock.instant();
		return this.contests.settings(slug)
			.filter(ContestSettings::ranked)
			.switchIfEmpty(Mono.error(() -> AwardException.unranked(slug)))
			.flatMap((contest) -> this.repository.lock(contest.id())
				.then(this.repository.savePlan(contest.id(), valid, now, actor))
				.flatMap((stored) -> this.repository
					.log(contest.id(), null, "PLAN_CHANGED", actor, "revision " + stored.revision(), now)
					.thenReturn(view(stored))))
			.as(this.transaction::transactional);
	}

	private static PrizePlanView view(StoredPlan stored) {
		return new PrizePlanView(stored.revision(), stored.updatedAt(), stored.updatedBy(), stored.plan());
	}

}
