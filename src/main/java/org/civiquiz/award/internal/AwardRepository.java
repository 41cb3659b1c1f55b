package org.civiquiz.award.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.civiquiz.award.AwardLogEntry;
import org.civiquiz.award.HeldPrize;
import org.civiquiz.award.PrizePlan;
import org.civiquiz.award.WinnersList;
import org.civiquiz.award.ranking.Allocation;
import org.civiquiz.award.ranking.Candidate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * The SQL of awards. Reads the exam's tables (attempts, participants) as a report does,
 * and owns the plan, exclusion, list and log tables.
 */
@Repository
public class AwardRepository {

	/**
	 * Attempts in a list's scope: the contest, and the round unless the list is the
	 * contest's.
	 */
	private static final String SCOPE = "a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)";

	/** The advisory lock space of awards (the other number is the contest id). */
	private static final int LOCK_SPACE = 5;

	private static final String COUNTS = "a.status = 'SUBMITTED' and not exists (select 1 from award_exclusion e where e.attempt_id = a.id)";

	private final DatabaseClient database;

	private final JsonMapper json;

	AwardRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	public Mono<StoredPlan> plan(long contest) {
		return this.database
			.sql("select revision, plan, updated_at, updated_by from prize_plan where contest_id = :contest")
			.bind("contest", contest)
			.map((row, meta) -> new StoredPlan(row.get("revision", Integer.class),
					this.json.readValue(row.get("plan", Json.class).asString(), PrizePlan.class),
					row.get("updated_at", Instant.class), row.get("updated_by", String.class)))
			.one();
	}

	public Mono<StoredPlan> savePlan(long contest, PrizePlan plan, Instant at, String by) {
		return this.database.sql("""
				insert into prize_plan (contest_id, revision, plan, updated_at, updated_by)
				values (:contest, 1, :plan, :at, :by)
				on conflict (contest_id) do update set revision = prize_plan.revision + 1, plan = excluded.plan,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by
				returning revision
				""")
			.bind("contest", contest)
			.bind("plan", Json.of(this.json.writeValueAsString(plan)))
			.bind("at", at)
			.bind("by", by)
			.map((row, meta) -> new StoredPlan(row.get("revision", Integer.class), plan, at, by))
			.one();
	}

	/**
	 * Every decision about one contest's prizes takes this lock first, until its
	 * transaction ends: two finalizations (of any lists), or an exclusion and a
	 * finalization, never interleave.
	 */
	public Mono<Void> lock(long contest) {
		return this.database.sql("select pg_advisory_xact_lock(" + LOCK_SPACE + ", cast(:contest as integer))")
			.bind("contest", contest)
			.then();
	}

	/**
	 * Per round in scope, its submitted attempts with every answer right: the value the
	 * prediction question asks about.
	 */
	public Mono<Map<Long, Long>> fullScoresPerRound(long contest, Long round, int questions) {
		return scoped("select a.round_id, count(*) as n from attempt_record a where " + SCOPE
				+ " and a.status = 'SUBMITTED' and a.score = :full group by a.round_id", contest, round)
			.bind("full", questions)
			.map((row, meta) -> Map.entry(row.get("round_id", Long.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Submitted attempts in scope that count for prizes (not excluded), each prediction
	 * measured against its own round's value.
	 */
	public Flux<Candidate> candidates(long contest, Long round, Map<Long, Long> actualPerRound) {
		return scoped(
				"select a.id, a.participant_id, a.round_id, a.score, a.duration_ms, a.prediction,"
						+ " a.submitted_at, a.auto_submitted from attempt_record a where " + SCOPE + " and " + COUNTS,
				contest, round)
			.map((row, meta) -> Candidate.of(row.get("id", UUID.class), row.get("participant_id", Long.class),
					row.get("score", Short.class), row.get("duration_ms", Integer.class),
					row.get("prediction", Long.class), row.get("submitted_at", Instant.class),
					actualPerRound.getOrDefault(row.get("round_id", Long.class), 0L),
					row.get("auto_submitted", Boolean.class)))
			.all();
	}

	/** Per unit, the people with an attempt in scope that counts. */
	public Mono<Map<Long, Long>> participantsPerUnit(long contest, Long round) {
		return scoped("select p.unit_id, count(distinct a.participant_id) as n from attempt_record a"
				+ " join participant_record p on p.id = a.participant_id where " + SCOPE + " and " + COUNTS
				+ " group by p.unit_id", contest, round)
			.map((row, meta) -> Map.entry(row.get("unit_id", Long.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Who holds a prize in another standing list of the contest: each one's highest. */
	public Mono<Map<Long, Allocation.Held>> prizesHeldElsewhere(long contest, Long round, String wholeContest) {
		return this.database.sql("""
				select w.participant_id, coalesce(r.name, :whole) || ': ' || w.prize as held, w.contest_prize, w.tier
				from award_winner w join award_list l on l.id = w.list_id
				left join contest_round r on r.id = l.round_id
				where l.contest_id = :contest and l.status = 'FINALIZED'
				  and l.round_id is distinct from cast(:round as bigint)
				""")
			.bind("contest", contest)
			.bind("whole", wholeContest)
			.bind("round", id(round))
			.map((row, meta) -> Map.entry(row.get("participant_id", Long.class),
					new Allocation.Held(row.get("held", String.class), row.get("contest_prize", Boolean.class),
							row.get("tier", Integer.class))))
			.all()
			.collectList()
			.map((entries) -> {
				Map<Long, Allocation.Held> highest = new HashMap<>();
				entries.forEach((entry) -> highest.merge(entry.getKey(), entry.getValue(), Allocation.Held::higher));
				return highest;
			});
	}

	public Flux<Person> people(Collection<Long> ids) {
		return this.database
			.sql("select id, full_name, phone, email, district, unit_id from participant_record where id = any(:ids)")
			.bind("ids", ids.toArray(Long[]::new))
			.map((row, meta) -> new Person(row.get("id", Long.class), row.get("full_name", String.class),
					row.get("phone", String.class), row.get("email", String.class), row.get("district", String.class),
					row.get("unit_id", Long.class)))
			.all();
	}

	public Flux<WinnersList.Excluded> exclusions(long contest, Long round) {
		return exclusions(contest, round, null);
	}

	/** The exclusions, of some units' participants only when {@code units} is given. */
	public Flux<WinnersList.Excluded> exclusions(long contest, Long round, Long[] units) {
		DatabaseClient.GenericExecuteSpec sql = scoped("""
				select e.attempt_id, p.full_name, e.reason, e.excluded_by, e.excluded_at
				from award_exclusion e join attempt_record a on a.id = e.attempt_id
				join participant_record p on p.id = a.participant_id
				where %s and (cast(:units as bigint[]) is null or p.unit_id = any(:units))
				order by e.excluded_at, e.attempt_id
				""".formatted(SCOPE), contest, round);
		return ((units != null) ? sql.bind("units", units) : sql.bindNull("units", Long[].class))
			.map((row, meta) -> new WinnersList.Excluded(row.get("attempt_id", UUID.class),
					row.get("full_name", String.class), row.get("reason", String.class),
					row.get("excluded_by", String.class), row.get("excluded_at", Instant.class)))
			.all();
	}

	/**
	 * The round of an attempt of the contest, if the contest has that attempt (and, with
	 * {@code units}, if its participant is of one of these units).
	 */
	public Mono<Long> roundOfAttempt(long contest, UUID attempt, Long[] units) {
		DatabaseClient.GenericExecuteSpec sql = this.database.sql("""
				select a.round_id from attempt_record a
				where a.id = :id and a.contest_id = :contest and (cast(:units as bigint[]) is null
				    or a.participant_id in (select p.id from participant_record p where p.unit_id = any(:units)))
				""").bind("id", attempt).bind("contest", contest);
		return ((units != null) ? sql.bind("units", units) : sql.bindNull("units", Long[].class))
			.map((row, meta) -> row.get("round_id", Long.class))
			.one();
	}

	/**
	 * Whether the round's list or the contest's list stands: either freezes the attempt.
	 */
	public Mono<Boolean> frozen(long contest, long round) {
		return this.database.sql("""
				select exists (select 1 from award_list where contest_id = :contest and status = 'FINALIZED'
				    and (round_id is null or round_id = :round)) as frozen
				""")
			.bind("contest", contest)
			.bind("round", round)
			.map((row, meta) -> row.get("frozen", Boolean.class))
			.one();
	}

	public Mono<Long> exclude(long contest, UUID attempt, String reason, Instant at, String by) {
		return this.database.sql("""
				insert into award_exclusion (attempt_id, contest_id, reason, excluded_by, excluded_at)
				values (:attempt, :contest, :reason, :by, :at)
				on conflict (attempt_id) do update set reason = excluded.reason, excluded_by = excluded.excluded_by,
				    excluded_at = excluded.excluded_at
				""")
			.bind("attempt", attempt)
			.bind("contest", contest)
			.bind("reason", reason)
			.bind("by", by)
			.bind("at", at)
			.fetch()
			.rowsUpdated();
	}

	public Mono<Long> lift(long contest, UUID attempt) {
		return this.database.sql("delete from award_exclusion where attempt_id = :attempt and contest_id = :contest")
			.bind("attempt", attempt)
			.bind("contest", contest)
			.fetch()
			.rowsUpdated();
	}

	public Mono<Long> insertList(long contest, Long round, WinnersList list, String canonical) {
		return this.database.sql("""
				insert into award_list (contest_id, round_id, status, rule_revision, actual_prediction, document,
				    canonical, sha256, finalized_at, finalized_by)
				values (:contest, :round, 'FINALIZED', :revision, :actual, :document, :canonical, :sha256, :at, :by)
				returning id
				""")
			.bind("canonical", canonical)
			.bind("contest", contest)
			.bind("round", id(round))
			.bind("revision", list.ruleRevision())
			.bind("actual", list.actualPrediction())
			.bind("document", Json.of(this.json.writeValueAsString(list)))
			.bind("sha256", list.sha256())
			.bind("at", list.finalizedAt())
			.bind("by", list.finalizedBy())
			.map((row, meta) -> row.get("id", Long.class))
			.one();
	}

	public Mono<Long> insertWinner(long list, long participant, UUID attempt, int rank, String prize, int tier,
			boolean contestPrize) {
		return this.database.sql("""
				insert into award_winner (list_id, participant_id, attempt_id, rank, prize, tier, contest_prize)
				values (:list, :participant, :attempt, :rank, :prize, :tier, :contestPrize)
				""")
			.bind("tier", tier)
			.bind("contestPrize", contestPrize)
			.bind("list", list)
			.bind("participant", participant)
			.bind("attempt", attempt)
			.bind("rank", rank)
			.bind("prize", prize)
			.fetch()
			.rowsUpdated();
	}

	public Mono<FrozenList> standing(long contest, Long round) {
		return this.database.sql("""
				select document, canonical from award_list where contest_id = :contest
				    and round_id is not distinct from cast(:round as bigint) and status = 'FINALIZED'
				""")
			.bind("contest", contest)
			.bind("round", id(round))
			.map((row, meta) -> new FrozenList(
					this.json.readValue(row.get("document", Json.class).asString(), WinnersList.class),
					row.get("canonical", String.class)))
			.one();
	}

	public Flux<Long> contestsFinalizedBefore(Instant before) {
		return this.database.sql("""
				select contest_id from award_list
				where round_id is null and status = 'FINALIZED' and finalized_at < :before
				order by contest_id
				""").bind("before", before).map((row, meta) -> row.get("contest_id", Long.class)).all();
	}

	/** The contest's lists, standing or reopened, whose personal data are still there. */
	public Flux<StoredList> unredactedLists(long contest) {
		return this.database
			.sql("select id, document from award_list where contest_id = :contest and redacted_at is null order by id")
			.bind("contest", contest)
			.map((row, meta) -> new StoredList(row.get("id", Long.class),
					this.json.readValue(row.get("document", Json.class).asString(), WinnersList.class)))
			.all();
	}

	public Mono<Long> redact(long list, WinnersList redacted) {
		return this.database.sql("""
				update award_list set document = :document, canonical = null, redacted_at = :at
				where id = :id and redacted_at is null
				""")
			.bind("document", Json.of(this.json.writeValueAsString(redacted)))
			.bind("at", redacted.redactedAt())
			.bind("id", list)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The award log names the winner whose prize supersedes another ("Name (attempt id)
	 * now holds …"): the name goes, the attempt id stays.
	 */
	public Mono<Long> redactSupersessions(long contest, String name) {
		return this.database.sql("""
				update award_log set detail = regexp_replace(detail, '^.*? \\(([0-9a-f-]{36})\\) now holds ',
				                                             :name || ' (\\1) now holds ')
				where contest_id = :contest and action = 'PRIZE_SUPERSEDED'
				  and detail !~ ('^' || :name || ' \\([0-9a-f-]{36}\\) now holds ')
				""").bind("contest", contest).bind("name", name).fetch().rowsUpdated();
	}

	/** Sets the standing list aside; returns how many lists were (0 or 1). */
	public Mono<Long> reopen(long contest, Long round, Instant at, String by, String reason) {
		return this.database
			.sql("""
					update award_list set status = 'REOPENED', reopened_at = :at, reopened_by = :by, reopen_reason = :reason
					where contest_id = :contest and round_id is not distinct from cast(:round as bigint) and status = 'FINALIZED'
					""")
			.bind("contest", contest)
			.bind("round", id(round))
			.bind("at", at)
			.bind("by", by)
			.bind("reason", reason)
			.fetch()
			.rowsUpdated();
	}

	public Mono<Long> log(long contest, Long round, String action, String actor, String detail, Instant at) {
		return this.database.sql("""
				insert into award_log (contest_id, round_id, action, actor, detail, at)
				values (:contest, :round, :action, :actor, :detail, :at)
				""")
			.bind("contest", contest)
			.bind("round", id(round))
			.bind("action", action)
			.bind("actor", actor)
			.bind("detail", detail)
			.bind("at", at)
			.fetch()
			.rowsUpdated();
	}

	public Flux<AwardLogEntry> logOf(long contest) {
		return this.database.sql("""
				select l.action, r.number, l.actor, l.detail, l.at from award_log l
				left join contest_round r on r.id = l.round_id where l.contest_id = :contest order by l.id
				""")
			.bind("contest", contest)
			.map((row, meta) -> new AwardLogEntry(row.get("action", String.class), row.get("number", Integer.class),
					row.get("actor", String.class), row.get("detail", String.class), row.get("at", Instant.class)))
			.all();
	}

	/** The contest's standing lists, newest first. */
	public Flux<StandingList> standingLists(long contest) {
		return this.database.sql("""
				select round_id, document from award_list where contest_id = :contest and status = 'FINALIZED'
				order by finalized_at desc, id desc
				""")
			.bind("contest", contest)
			.map((row, meta) -> new StandingList(row.get("round_id", Long.class),
					this.json.readValue(row.get("document", Json.class).asString(), WinnersList.class)))
			.all();
	}

	/** The submitted attempts in scope and the people who made them. */
	public Mono<Turnout> turnout(long contest, Long round) {
		return scoped("select count(*) as attempts, count(distinct a.participant_id) as participants"
				+ " from attempt_record a where " + SCOPE + " and a.status = 'SUBMITTED'", contest, round)
			.map((row, meta) -> new Turnout(row.get("participants", Long.class), row.get("attempts", Long.class)))
			.one();
	}

	/** The prizes a participant holds in the contest's standing lists. */
	public Flux<HeldPrize> prizesOf(long contest, long participant, String wholeContest) {
		return this.database.sql("""
				select r.number, coalesce(r.name, :whole) as list, w.prize, w.attempt_id, w.contest_prize, w.tier,
				    l.finalized_at
				from award_winner w join award_list l on l.id = w.list_id
				left join contest_round r on r.id = l.round_id
				where l.contest_id = :contest and l.status = 'FINALIZED' and w.participant_id = :participant
				order by w.contest_prize desc, r.number
				""")
			.bind("contest", contest)
			.bind("participant", participant)
			.bind("whole", wholeContest)
			.map((row, meta) -> new HeldPrize(row.get("number", Integer.class), row.get("list", String.class),
					row.get("prize", String.class), row.get("attempt_id", UUID.class),
					row.get("finalized_at", Instant.class)))
			.all();
	}

	/** Those of the attempts the committee excluded. */
	public Flux<UUID> excludedAmong(Collection<UUID> attempts) {
		return this.database.sql("select attempt_id from award_exclusion where attempt_id = any(:ids)")
			.bind("ids", attempts.toArray(UUID[]::new))
			.map((row, meta) -> row.get("attempt_id", UUID.class))
			.all();
	}

	/** A round id, possibly null (the whole contest). */
	private static Parameter id(Long round) {
		return Parameter.fromOrEmpty(round, Long.class);
	}

	private GenericExecuteSpec scoped(String sql, long contest, Long round) {
		return this.database.sql(sql).bind("contest", contest).bind("round", id(round));
	}

	/**
	 * A standing list as frozen.
	 *
	 * @param list the list
	 * @param canonical its canonical CSV form, which every export is made from
	 */
	public record FrozenList(WinnersList list, String canonical) {
	}

	/**
	 * A list as stored, with its id.
	 *
	 * @param id the list's id
	 * @param list the list
	 */
	public record StoredList(long id, WinnersList list) {
	}

	/**
	 * A standing list.
	 *
	 * @param roundId its round, {@code null} for the whole contest
	 * @param list the list
	 */
	public record StandingList(Long roundId, WinnersList list) {
	}

	/** Submitted attempts in a list's scope, and the people who made them. */
	public record Turnout(long participants, long attempts) {
	}

	/** A stored plan. */
	public record StoredPlan(int revision, PrizePlan plan, Instant updatedAt, String updatedBy) {
	}

	/** A participant's details as a winners list shows them. */
	public record Person(long id, String fullName, String phone, String email, String district, long unitId) {
	}

}
