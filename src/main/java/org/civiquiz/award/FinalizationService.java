package org.civiquiz.award;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.award.PrizePlan.PrizesPerPerson;
import org.civiquiz.award.export.WinnersTable;
import org.civiquiz.award.internal.AwardException;
import org.civiquiz.award.internal.AwardRepository;
import org.civiquiz.award.internal.AwardRepository.FrozenList;
import org.civiquiz.award.internal.AwardRepository.Person;
import org.civiquiz.award.internal.AwardRepository.StoredPlan;
import org.civiquiz.award.internal.CommitteeReason;
import org.civiquiz.award.ranking.Allocation;
import org.civiquiz.award.ranking.Allocation.UnitStanding;
import org.civiquiz.award.ranking.Candidate;
import org.civiquiz.award.ranking.Ranking;
import org.civiquiz.award.ranking.Ranking.Ranked;
import org.civiquiz.award.results.ResultsService;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.exam.ExamProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Finalization and the frozen winners lists. A list is computed from PostgreSQL in one
 * transaction and stored whole; a round's list can be finalized once the round has closed
 * and every submission of it is in, and replaced only after an explicit, logged
 * reopening.
 */
@Service
public class FinalizationService {

	static final String WHOLE_CONTEST = "Toàn cuộc thi";

	private static final Log logger = LogFactory.getLog(FinalizationService.class);

	private final ContestService contests;

	private final AwardRepository repository;

	private final TransactionalOperator transaction;

	private final ExamProperties exam;

	private final AwardProperties properties;

	private final Clock clock;

	private final ResultsService results;

	FinalizationService(ContestService contests, AwardRepository repository, TransactionalOperator transaction,
			ExamProperties exam, AwardProperties properties, Clock clock, ResultsService results) {
		this.contests = contests;
		this.repository = repository;
		this.transaction = transaction;
		this.exam = exam;
		this.properties = properties;
		this.clock = clock;
		this.results = results;
	}

	/**
	 * Ranks the round (or, with no round, the whole contest) and freezes its winners.
	 * @param slug the contest
	 * @param round the round's number, {@code null} for the whole contest
	 * @param actor the committee member
	 * @return the frozen list
	 */
	public Mono<WinnersList> finalizeList(String slug, Integer round, String actor) {
		return scope(slug, round).flatMap((scope) -> {
			if (!scope.contest().ranked()) {
				return Mono.error(AwardException.unranked(slug));
			}
			Instant now = this.clock.instant();
			Instant from = scope.closesAt().plus(this.exam.submissionGrace());
			if (now.isBefore(from)) {
				return Mono.error(AwardException.notClosed(from));
			}
			return this.repository.lock(scope.contest().id())
				.then(this.repository.plan(scope.contest().id()))
				.switchIfEmpty(Mono.error(() -> AwardException.planMissing(slug)))
				.flatMap((plan) -> this.repository.standing(scope.contest().id(), scope.roundId())
					.flatMap((standing) -> Mono.<WinnersList>error(AwardException.alreadyFinalized()))
					.switchIfEmpty(Mono.defer(() -> compute(scope, plan, now, actor))))
				.as(this.transaction::transactional)
				// two committee members at once: the unique index lets one through
				.onErrorMap(DuplicateKeyException.class, (ex) -> AwardException.alreadyFinalized())
				.doOnSuccess((list) -> this.results.forget(scope.contest().id()))
				.doOnNext((list) -> logger
					.info("Finalized %s, %s: %d ranked, %d winners in %d ms".formatted(slug, list.roundName(),
							list.ranked(), list.winners().size(), this.clock.millis() - now.toEpochMilli())));
		});
	}

	/**
	 * Sets the standing list aside, so that it can be finalized again; it stays stored,
	 * and the reopening is logged.
	 * @param slug the contest
	 * @param round the round's number, {@code null} for the whole contest
	 * @param reason why
	 * @param actor who
	 * @return done
	 */
	public Mono<Void> reopen(String slug, Integer round, String reason, String actor) {
		String why = CommitteeReason.validated(reason);
		Instant now = this.clock.instant();
		return scope(slug, round)
			.flatMap((scope) -> this.repository.lock(scope.contest().id())
				.then(this.repository.reopen(scope.contest().id(), scope.roundId(), now, actor, why))
				.flatMap((count) -> (count == 0) ? Mono.error(AwardException.listNotFound())
						: this.repository.log(scope.contest().id(), scope.roundId(), "REOPENED", actor, why, now))
				.thenReturn(scope.contest().id()))
			.as(this.transaction::transactional)
			.doOnNext(this.results::forget)
			.then();
	}

	/**
	 * The contests whose whole-contest winners list stands and was finalized before the
	 * given time: those whose participants' data are no longer kept.
	 * @param before the time
	 * @return the contests' ids
	 */
	public Flux<Long> contestsFinalizedBefore(Instant before) {
		return this.repository.contestsFinalizedBefore(before);
	}

	/**
	 * Removes the names and contacts from every winners list of the contest (standing or
	 * reopened) that still has them, and the names from the award log: the canonical CSV
	 * is dropped, the JSON keeps everything else with the SHA-256 of the list as frozen.
	 * Call within the transaction that anonymizes the contest's participants.
	 * @param contestId the contest
	 * @param name what stands for a name
	 * @param now when
	 * @return how many lists were redacted now
	 */
	public Mono<Long> redactLists(long contestId, String name, Instant now) {
		return this.repository.lock(contestId)
			.thenMany(this.repository.unredactedLists(contestId))
			.concatMap((list) -> this.repository.redact(list.id(), list.list().redacted(name, now)))
			.count()
			.flatMap((lists) -> this.repository.redactSupersessions(contestId, name).thenReturn(lists))
			.doOnSuccess((lists) -> this.results.forget(contestId));
	}

	public Mono<FrozenList> winners(String slug, Integer round) {
		return scope(slug, round).flatMap((scope) -> this.repository.standing(scope.contest().id(), scope.roundId()))
			.switchIfEmpty(Mono.error(AwardException::listNotFound));
	}

	public Flux<AwardLogEntry> log(String slug) {
		return this.contests.settings(slug).flatMapMany((contest) -> this.repository.logOf(contest.id()));
	}

	private Mono<WinnersList> compute(Scope scope, StoredPlan stored, Instant now, String actor) {
		PrizePlan plan = stored.plan();
		long contestId = scope.contest().id();
		Long roundId = scope.roundId();
		// one query after the other: they share the transaction's connection
		return this.repository.fullScoresPerRound(contestId, roundId, scope.contest().questionsPerAttempt())
			.flatMap((actual) -> this.repository.candidates(contestId, roundId, actual)
				.collectList()
				.flatMap((candidates) -> heldElsewhere(plan, contestId, roundId)
					.flatMap((held) -> this.repository.participantsPerUnit(contestId, roundId)
						.flatMap((perUnit) -> this.repository.exclusions(contestId, roundId)
							.collectList()
							.flatMap((excluded) -> {
								List<Ranked> ranking = Ranking.rank(candidates, plan.tieBreak());
								Allocation.Result result = Allocation.allocate(ranking, scope.tiers(plan),
										scope.round() == null, held);
								List<UnitPrize> unitPrizes = scope.hasUnitPrizes(plan)
										? unitPrizes(scope.contest(), plan, perUnit) : List.of();
								long total = actual.values().stream().mapToLong(Long::longValue).sum();
								Set<Long> ids = new LinkedHashSet<>();
								result.winners()
									.forEach((prize) -> ids.add(prize.ranked().candidate().participantId()));
								result.passedOver()
									.forEach((passed) -> ids.add(passed.ranked().candidate().participantId()));
								return this.repository.people(ids)
									.collectMap(Person::id, Function.identity())
									.map((people) -> assemble(scope, stored, total, ranking.size(), result, unitPrizes,
											excluded, people, now, actor))
									.flatMap((list) -> persist(scope, list, result));
							})))));
	}

	private Mono<Map<Long, Allocation.Held>> heldElsewhere(PrizePlan plan, long contest, Long round) {
		return (plan.prizesPerPerson() == PrizesPerPerson.HIGHEST_PER_CONTEST)
				? this.repository.prizesHeldElsewhere(contest, round, WHOLE_CONTEST) : Mono.just(Map.of());
	}

	private static List<UnitPrize> unitPrizes(ContestSettings contest, PrizePlan plan, Map<Long, Long> perUnit) {
		List<UnitStanding> standings = contest.units()
			.stream()
			.map((unit) -> new UnitStanding(unit.code(), unit.name(), perUnit.getOrDefault(unit.id(), 0L),
					unit.headcount()))
			.toList();
		List<UnitPrize> prizes = new ArrayList<>(
				Allocation.allocateUnits(standings, plan.unitsByParticipants(), UnitCriterion.PARTICIPANTS));
		prizes.addAll(
				Allocation.allocateUnits(standings, plan.unitsByParticipationRate(), UnitCriterion.PARTICIPATION_RATE));
		return prizes;
	}

	private WinnersList assemble(Scope scope, StoredPlan plan, long actual, int ranked, Allocation.Result result,
			List<UnitPrize> unitPrizes, List<WinnersList.Excluded> excluded, Map<Long, Person> people, Instant now,
			String actor) {
		ContestSettings contest = scope.contest();
		List<WinnersList.Winner> winners = result.winners().stream().map((prize) -> {
			Candidate attempt = prize.ranked().candidate();
			Person person = people.get(attempt.participantId());
			Unit unit = contest.unit(person.unitId()).orElseThrow();
			return new WinnersList.Winner(prize.ranked().rank(), prize.prize(), person.fullName(), unit.code(),
					unit.name(), person.district(), person.phone(), person.email(), attempt.score(),
					attempt.durationMs(), attempt.prediction(), attempt.actual(), attempt.distance(),
					attempt.submittedAt(), attempt.attemptId(), prize.ranked().reason(), attempt.autoSubmitted());
		}).toList();
		List<WinnersList.PassedOver> passedOver = result.passedOver().stream().map((passed) -> {
			Person person = people.get(passed.ranked().candidate().participantId());
			return new WinnersList.PassedOver(passed.ranked().rank(), person.fullName(),
					contest.unit(person.unitId()).map(Unit::code).orElse(""), passed.ranked().candidate().attemptId(),
					passed.heldPrize());
		}).toList();
		List<WinnersList.SupersededPrize> superseded = result.superseded()
			.stream()
			.map((held) -> new WinnersList.SupersededPrize(held.prize().ranked().candidate().attemptId(),
					people.get(held.prize().ranked().candidate().participantId()).fullName(), held.held().label()))
			.toList();
		return new WinnersList(contest.slug(), scope.number(), scope.name(), plan.revision(), plan.plan().tieBreak(),
				actual, ranked, winners, unitPrizes, passedOver, superseded, excluded, this.properties.zone().getId(),
				null, now, actor, null);
	}

	private Mono<WinnersList> persist(Scope scope, WinnersList unhashed, Allocation.Result result) {
		long contest = scope.contest().id();
		String canonical = WinnersTable.canonical(WinnersTable.rows(unhashed));
		WinnersList list = unhashed.withHash(WinnersTable.sha256(canonical));
		Instant now = list.finalizedAt();
		return this.repository.insertList(contest, scope.roundId(), list, canonical)
			.flatMap((id) -> Flux.fromIterable(result.winners())
				.concatMap((prize) -> this.repository.insertWinner(id, prize.ranked().candidate().participantId(),
						prize.ranked().candidate().attemptId(), prize.ranked().rank(), prize.prize(), prize.tier(),
						scope.round() == null))
				.then())
			.then(this.repository.log(contest, scope.roundId(), "FINALIZED", list.finalizedBy(),
					"SHA-256 %s; %d winners; rule revision %d".formatted(list.sha256(), list.winners().size(),
							list.ruleRevision()),
					now))
			.thenMany(Flux.fromIterable(list.superseded())
				.concatMap((superseded) -> this.repository.log(contest, scope.roundId(), "PRIZE_SUPERSEDED",
						list.finalizedBy(),
						"%s (%s) now holds %s: %s; reopen that list to hand its prize on".formatted(
								superseded.fullName(), superseded.attemptId(), scope.name(), superseded.heldPrize()),
						now)))
			.then(Mono.just(list));
	}

	private Mono<Scope> scope(String slug, Integer number) {
		return this.contests.settings(slug).map((contest) -> {
			if (number == null) {
				return new Scope(contest, null);
			}
			return new Scope(contest,
					contest.roundNumbered(number).orElseThrow(() -> AwardException.roundNotFound(number)));
		});
	}

	/**
	 * What a list covers: a round, or the whole contest when {@code round} is null.
	 */
	private record Scope(ContestSettings contest, Round round) {

		Long roundId() {
			return (this.round != null) ? this.round.id() : null;
		}

		Integer number() {
			return (this.round != null) ? this.round.number() : null;
		}

		String name() {
			return (this.round != null) ? this.round.name() : WHOLE_CONTEST;
		}

		List<PrizePlan.Tier> tiers(PrizePlan plan) {
			return (this.round != null) ? plan.round() : plan.contest();
		}

		boolean hasUnitPrizes(PrizePlan plan) {
			return (this.round != null) == (plan.unitPrizesPer() == PrizePlan.UnitPrizesPer.ROUND);
		}

		/** When the last submission of the scope can have been made, before the grace. */
		Instant closesAt() {
			if (this.round != null) {
				return this.round.closesAt();
			}
			return this.contest.rounds()
				.stream()
				.map(Round::closesAt)
				.max(Comparator.naturalOrder())
				.filter((last) -> last.isAfter(this.contest.closesAt()))
				.orElse(this.contest.closesAt());
		}

	}

}
