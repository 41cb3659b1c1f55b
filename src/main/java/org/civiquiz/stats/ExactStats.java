package org.civiquiz.stats;

import java.time.Clock;
import java.time.Instant;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The figures as PostgreSQL has them: the reference every other view is checked against.
 * A handful of aggregate queries, one after the other in one read-only transaction: one
 * pool connection (submissions keep the others) and one snapshot (the figures add up even
 * while submissions go on).
 */
@Component
class ExactStats {

	/** Attempts in scope: the contest, and the round when one is asked for. */
	private static final String CONTEST = "a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)";

	/** And, for a unit-scoped account, those of its units' participants. */
	private static final String UNITS = CONTEST
			+ " and a.participant_id in (select p.id from participant_record p where p.unit_id = any(:units))";

	private final DatabaseClient database;

	private final QuestionBankService banks;

	private final ExamProperties exam;

	private final Clock clock;

	private final TransactionalOperator snapshot;

	ExactStats(DatabaseClient database, QuestionBankService banks, ExamProperties exam, Clock clock,
			ReactiveTransactionManager transactions) {
		this.database = database;
		this.banks = banks;
		this.exam = exam;
		this.clock = clock;
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		definition.setReadOnly(true);
		this.snapshot = TransactionalOperator.create(transactions, definition);
	}

	Mono<ContestStats> compute(ContestSettings contest, Round round) {
		return compute(new StatsScope(contest, round));
	}

	/**
	 * The figures over the scope's attempts: a unit-scoped account's are those of its
	 * units' participants, computed exactly as a contest holding only them would be.
	 */
	Mono<ContestStats> compute(StatsScope scope) {
		ContestSettings contest = scope.contest();
		Round round = scope.round();
		Long[] units = scope.wholeContest() ? null : scope.units().stream().map(Unit::id).toArray(Long[]::new);
		String where = (units == null) ? CONTEST : UNITS;
		Instant now = this.clock.instant();
		RawStats raw = new RawStats(contest.questionsPerAttempt());
		Mono<Void> totals = sql(
				"""
						select count(*) as started,
						       count(*) filter (where a.status = 'SUBMITTED') as submitted,
						       count(*) filter (where a.status = 'SUBMITTED' and a.auto_submitted) as auto_submitted,
						       count(*) filter (where a.status = 'EXPIRED' or (a.status = 'OPEN' and a.deadline < :overdue)) as expired,
						       count(distinct a.participant_id) as participants,
						       coalesce(sum(a.duration_ms) filter (where a.status = 'SUBMITTED'), 0) as duration
						from attempt_record a where %s
						"""
					.formatted(where),
				contest, round, units)
			.bind("overdue", now.minus(this.exam.submissionGrace()))
			.map((row, meta) -> {
				raw.started = row.get("started", Long.class);
				raw.submitted = row.get("submitted", Long.class);
				raw.expired = row.get("expired", Long.class);
				raw.autoSubmitted = row.get("auto_submitted", Long.class);
				raw.participants = row.get("participants", Long.class);
				raw.durationSum = row.get("duration", Number.class).longValue();
				return true;
			})
			.one()
			.then();
		Mono<Void> histogram = sql("""
				select a.score, count(*) as n from attempt_record a
				where %s and a.status = 'SUBMITTED' group by a.score
				""".formatted(where), contest, round, units)
			.map((row, meta) -> raw.histogram[row.get("score", Short.class)] += row.get("n", Long.class))
			.all()
			.then();
		Mono<Void> best = sql("""
				select best, count(*) as n from (
				    select max(a.score) as best from attempt_record a
				    where %s and a.status = 'SUBMITTED' group by a.participant_id) people
				group by best
				""".formatted(where), contest, round, units)
			.map((row, meta) -> raw.bestHistogram[row.get("best", Short.class)] += row.get("n", Long.class))
			.all()
			.then();
		Mono<Void> unitGroups = groups("u.code", "join unit u on u.id = p.unit_id", where, contest, round, units,
				raw.units);
		Mono<Void> districts = groups("p.district", "", where, contest, round, units, raw.districts);
		Mono<Void> choices = sql("""
				select x.question_id, x.answer, count(*) as n
				from attempt_record a, unnest(a.question_ids, a.answers) as x(question_id, answer)
				where %s and a.status = 'SUBMITTED' group by x.question_id, x.answer
				""".formatted(where), contest, round, units)
			.map((row, meta) -> RawStats.slot(raw.choices, row.get("question_id", Long.class), 5)[row.get("answer",
					Short.class)] += row.get("n", Long.class))
			.all()
			.then();
		Mono<Void> hours = sql("""
				select hour, sum(started) as started, sum(submitted) as submitted from (
				    select floor(extract(epoch from a.started_at) / 3600) as hour, 1 as started, 0 as submitted
				    from attempt_record a where %s
				    union all
				    select floor(extract(epoch from a.submitted_at) / 3600), 0, 1
				    from attempt_record a where %s and a.status = 'SUBMITTED') events
				group by hour
				""".formatted(where, where), contest, round, units).map((row, meta) -> {
			long[] slot = RawStats.slot(raw.hours, row.get("hour", Number.class).longValue(), 2);
			slot[0] = row.get("started", Number.class).longValue();
			slot[1] = row.get("submitted", Number.class).longValue();
			return true;
		}).all().then();
		return Flux.concat(totals, histogram, best, unitGroups, districts, choices, hours)
			.as(this.snapshot::transactional)
			.then(this.banks.bank(contest.questionBank()))
			.map((bank) -> raw.toStats(contest, round, scope.listedUnits(), "exact", now, bank));
	}

	/** Per unit or district: participants, attempts, scored attempts and score sum. */
	private Mono<Void> groups(String key, String join, String scope, ContestSettings contest, Round round, Long[] units,
			java.util.Map<String, long[]> into) {
		return sql("""
				select %s as key, count(distinct a.participant_id) as participants, count(*) as attempts,
				       count(*) filter (where a.status = 'SUBMITTED') as scored,
				       coalesce(sum(a.score) filter (where a.status = 'SUBMITTED'), 0) as score_sum
				from attempt_record a join participant_record p on p.id = a.participant_id %s
				where %s group by %s
				""".formatted(key, join, scope, key), contest, round, units).map((row, meta) -> {
			long[] slot = RawStats.slot(into, row.get("key", String.class), 4);
			slot[0] = row.get("participants", Long.class);
			slot[1] = row.get("attempts", Long.class);
			slot[2] = row.get("scored", Long.class);
			slot[3] = row.get("score_sum", Number.class).longValue();
			return true;
		}).all().then();
	}

	private DatabaseClient.GenericExecuteSpec sql(String sql, ContestSettings contest, Round round, Long[] units) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql).bind("contest", contest.id());
		spec = (units != null) ? spec.bind("units", units) : spec;
		return (round != null) ? spec.bind("round", round.id()) : spec.bindNull("round", Long.class);
	}

}
