package org.civiquiz.exam.attempt;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.SubmissionResult;
import org.civiquiz.exam.start.StartKey;
import org.civiquiz.participant.RegisteredParticipant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for attempts. Each statement is one round trip; state changes are conditional on
 * the state they start from, so concurrent requests cannot both win.
 */
@Repository
public class AttemptRepository {

	private static final TypeReference<List<List<Integer>>> OPTION_ORDERS = new TypeReference<>() {
	};

	/**
	 * The two oldest of the contest's keys older than {@code :keysBefore}, deleted by
	 * each keyed start. Oldest first, so that PostgreSQL reads them from the index on
	 * {@code (contest_id, created_at)} and stops there: without the order, the generic
	 * plan of the driver's prepared statement read the whole table to find that there
	 * were none, and each start cost PostgreSQL 2.6 ms at 14,500 keys
	 * (docs/performance.md).
	 */
	static final String PURGE_OLD_KEYS = """
			delete from attempt_start_key
			where contest_id = :contest and idempotency_key <> :key and (contest_id, idempotency_key) in (
			    select contest_id, idempotency_key from attempt_start_key
			    where contest_id = :contest and created_at < :keysBefore and idempotency_key <> :key
			    order by created_at
			    limit 2)""";

	/**
	 * What every start's statement does first: closes the participant's overdue open
	 * attempts, counts their usage, and stores the new attempt if allowed. A
	 * data-modifying CTE's changes are not visible to the rest of its statement: the
	 * attempts it expires still read as open in "usage", hence "not in expired".
	 */
	private static final String ADMIT = """
			with expired as (
			    update attempt set status = 'EXPIRED'
			    where participant_id = :participant and status = 'OPEN' and deadline < :before
			      and (saved_at is null or not :autoSubmits)
			    returning id
			), usage as (
			    select count(*) filter (where round_id = :round) as used,
			           coalesce(bool_or(status = 'OPEN' and id not in (select id from expired)), false) as open,
			           coalesce(bool_or(status = 'OPEN' and deadline < :before
			                            and id not in (select id from expired)), false) as overdue
			    from attempt where participant_id = :participant
			), inserted as (
			    insert into attempt (id, contest_id, round_id, participant_id, token_hash, question_ids,
			                         option_orders, started_at, deadline, status, client_ip_hash, user_agent,
			                         device_hash, entered_name, entered_unit_code, entered_district, phone_verified)
			    select :id, :contest, :round, :participant, :token, :questions, :orders, :started, :deadline,
			           'OPEN', :ip, :agent, :device, :name, :unitCode, :district, :verified
			    from usage where not usage.open and usage.used < :max
			    returning id
			)""";

	/** The start's statement without a key: the CTEs, then what they did. */
	private static final String INSERT = ADMIT + """

			select used, open, overdue, exists (select 1 from inserted) as inserted, false as keyed from usage
			""";

	/**
	 * With a key: the key is stored with the attempt, unless the contest holds it already
	 * from a start made since {@code :keysBefore} (another start with the same key got
	 * there first: {@code keyed} is then false and the caller rolls back). A key older
	 * than that is taken over. Two of the contest's keys older than that are deleted on
	 * the way: each start adds one, so the table holds about a day of keys.
	 */
	private static final String KEYED_INSERT = ADMIT + """
			, keyed as (
			    insert into attempt_start_key (contest_id, idempotency_key, request_hash, attempt_id, created_at)
			    select :contest, :key, :requestHash, id, :started from inserted
			    on conflict (contest_id, idempotency_key) do update
			        set request_hash = excluded.request_hash, attempt_id = excluded.attempt_id,
			            created_at = excluded.created_at
			        where attempt_start_key.created_at < :keysBefore
			    returning 1
			), purged as (
			""" + PURGE_OLD_KEYS + """

			)
			select used, open, overdue, exists (select 1 from inserted) as inserted,
			       exists (select 1 from keyed) as keyed from usage
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	AttemptRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	public Mono<Attempt> findById(UUID id) {
		return this.database.sql("""
				select a.*, p.full_name as taker_name, p.unit_id as taker_unit_id, p.district as taker_district
				from attempt a join participant_record p on p.id = a.participant_id
				where a.id = :id
				""").bind("id", id).map(this::attempt).one();
	}

	/**
	 * The open attempts whose deadline is before {@code before}, earliest first: what the
	 * overdue sweeper finishes.
	 * @param before deadlines before this are overdue (now minus the grace)
	 * @param limit at most this many
	 */
	public Flux<Attempt> overdue(Instant before, int limit) {
		return this.database.sql("""
				select a.*, p.full_name as taker_name, p.unit_id as taker_unit_id, p.district as taker_district
				from attempt a join participant_record p on p.id = a.participant_id
				where a.status = 'OPEN' and a.deadline < :before
				order by a.deadline, a.id
				limit :limit
				""").bind("before", before).bind("limit", limit).map(this::attempt).all();
	}

	/**
	 * A participant's open attempts whose deadline is before {@code before}.
	 */
	public Flux<Attempt> overdueOf(long participantId, Instant before) {
		return this.database.sql("""
				select a.*, p.full_name as taker_name, p.unit_id as taker_unit_id, p.district as taker_district
				from attempt a join participant_record p on p.id = a.participant_id
				where a.participant_id = :participant and a.status = 'OPEN' and a.deadline < :before
				""").bind("participant", participantId).bind("before", before).map(this::attempt).all();
	}

	/**
	 * Replaces the attempt's saved answers and prediction, if it is still open: one
	 * statement, one row.
	 * @return 1 if saved, 0 if it was no longer open
	 */
	public Mono<Long> save(UUID id, List<Integer> answers, Long prediction, Instant savedAt) {
		DatabaseClient.GenericExecuteSpec sql = this.database.sql("""
				update attempt set saved_answers = :answers, saved_prediction = :prediction, saved_at = :at
				where id = :id and status = 'OPEN'
				""")
			.bind("id", id)
			.bind("answers", answers.stream().map(Integer::shortValue).toArray(Short[]::new))
			.bind("at", savedAt);
		sql = (prediction != null) ? sql.bind("prediction", prediction) : sql.bindNull("prediction", Long.class);
		return sql.fetch().rowsUpdated();
	}

	/**
	 * Submits the attempt from its last save, as at its deadline, if it is still open and
	 * its last save is still the one scored ({@code savedAt}): whoever runs this
	 * concurrently (another replica's sweeper, a late request), one wins.
	 * @return 1 if this call submitted it, 0 otherwise
	 */
	public Mono<Long> autoSubmit(UUID id, Instant savedAt, int score, int durationMs) {
		return this.database.sql("""
				update attempt set status = 'SUBMITTED', submitted_at = deadline, answers = saved_answers,
				                   prediction = saved_prediction, score = :score, duration_ms = :duration,
				                   auto_submitted = true
				where id = :id and status = 'OPEN' and saved_at = :savedAt
				""")
			.bind("id", id)
			.bind("savedAt", savedAt)
			.bind("score", (short) score)
			.bind("duration", durationMs)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Marks the attempt as expired if it is still open.
	 */
	public Mono<Long> expire(UUID id) {
		return this.database.sql("update attempt set status = 'EXPIRED' where id = :id and status = 'OPEN'")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * In one statement (one round trip): closes the participant's overdue open attempts
	 * as expired, counts the attempts they used in the round and whether one is still
	 * open, and stores the new attempt, with where it was started from, the name, unit
	 * and district entered for it and whether its phone was verified, only if none is
	 * open and the round's limit is not reached. An overdue attempt with a save that its
	 * contest submits automatically is left open (and reported as overdue): scoring it
	 * takes the question bank.
	 * @param entered the registration of this start
	 * @param overdueBefore open attempts whose deadline is before this are expired
	 * @param autoSubmits whether the contest submits overdue attempts from their saves
	 * @param maxAttempts the round's limit
	 * @return the participant's usage before the new attempt, and whether it was stored
	 */
	public Mono<Admission> insertIfAllowed(Attempt attempt, ExamService.ClientInfo client,
			RegisteredParticipant entered, Instant overdueBefore, int maxAttempts, boolean autoSubmits, StartKey key,
			Instant keysBefore) {
		DatabaseClient.GenericExecuteSpec sql = this.database.sql((key != null) ? KEYED_INSERT : INSERT)
			.bind("id", attempt.id())
			.bind("contest", attempt.contestId())
			.bind("round", attempt.roundId())
			.bind("participant", attempt.participantId())
			.bind("token", attempt.tokenHash())
			.bind("questions", attempt.questionIds().toArray(Long[]::new))
			.bind("orders", Json.of(this.json.writeValueAsString(attempt.optionOrders())))
			.bind("started", attempt.startedAt())
			.bind("deadline", attempt.deadline())
			.bind("before", overdueBefore)
			.bind("max", (long) maxAttempts)
			.bind("autoSubmits", autoSubmits)
			.bind("name", entered.enteredName())
			.bind("unitCode", entered.enteredUnitCode())
			.bind("district", entered.enteredDistrict())
			.bind("verified", entered.phoneVerified());
		if (key != null) {
			sql = sql.bind("key", key.key()).bind("requestHash", key.requestHash()).bind("keysBefore", keysBefore);
		}
		sql = (client.ipHash() != null) ? sql.bind("ip", client.ipHash()) : sql.bindNull("ip", byte[].class);
		sql = (client.userAgent() != null) ? sql.bind("agent", client.userAgent())
				: sql.bindNull("agent", String.class);
		sql = (client.deviceHash() != null) ? sql.bind("device", client.deviceHash())
				: sql.bindNull("device", byte[].class);
		return sql.map((row, meta) -> new Admission(row.get("used", Long.class), row.get("open", Boolean.class),
				row.get("overdue", Boolean.class), row.get("inserted", Boolean.class), row.get("keyed", Boolean.class)))
			.one();
	}

	/**
	 * The attempt a start's key started in the contest since the given time, with the
	 * keyed hash of that start's body.
	 */
	public Mono<KeyedAttempt> findByStartKey(long contestId, String key, Instant since) {
		return this.database.sql("""
				select k.request_hash, a.*, p.full_name as taker_name, p.unit_id as taker_unit_id,
				       p.district as taker_district
				from attempt_start_key k
				join attempt a on a.id = k.attempt_id
				join participant_record p on p.id = a.participant_id
				where k.contest_id = :contest and k.idempotency_key = :key and k.created_at >= :since
				""")
			.bind("contest", contestId)
			.bind("key", key)
			.bind("since", since)
			.map((row, meta) -> new KeyedAttempt(row.get("request_hash", byte[].class), attempt(row)))
			.one();
	}

	/**
	 * Records the submission if the attempt is still open and its time has not run out,
	 * with its duration counted from the start as stored, at most the time allowed.
	 * @param lateAfter the attempt's deadline must not be before this time
	 * @return the attempt as submitted, or empty if it was no longer open or its time ran
	 * out
	 */
	public Mono<Attempt> submit(UUID id, Instant submittedAt, List<Integer> answers, Long prediction, int score,
			Instant lateAfter) {
		DatabaseClient.GenericExecuteSpec sql = this.database.sql("""
				update attempt a set status = 'SUBMITTED', submitted_at = :at, answers = :answers,
				    prediction = :prediction, score = :score,
				    duration_ms = least(floor(extract(epoch from (:at - a.started_at)) * 1000),
				                        floor(extract(epoch from (a.deadline - a.started_at)) * 1000))
				from participant_record p
				where a.id = :id and a.status = 'OPEN' and a.deadline >= :lateAfter and p.id = a.participant_id
				returning a.*, p.full_name as taker_name, p.unit_id as taker_unit_id, p.district as taker_district
				""")
			.bind("id", id)
			.bind("at", submittedAt)
			.bind("lateAfter", lateAfter)
			.bind("answers", answers.stream().map(Integer::shortValue).toArray(Short[]::new))
			.bind("score", (short) score);
		sql = (prediction != null) ? sql.bind("prediction", prediction) : sql.bindNull("prediction", Long.class);
		return sql.map(this::attempt).one();
	}

	/**
	 * Moves attempts to the round, start and duration the campaign replay planned, in one
	 * statement.
	 * @return how many attempts were moved
	 */
	public Mono<Long> backdate(List<ExamService.Backdated> moves) {
		return this.database.sql("""
				update attempt a
				set round_id = v.round_id, started_at = v.started_at,
				    deadline = v.started_at + interval '20 minutes',
				    submitted_at = v.started_at + v.duration_ms * interval '1 millisecond',
				    duration_ms = v.duration_ms
				from (select unnest(cast(:ids as uuid[])) as id, unnest(cast(:rounds as bigint[])) as round_id,
				             unnest(cast(:starts as timestamptz[])) as started_at,
				             unnest(cast(:durations as integer[])) as duration_ms) v
				where a.id = v.id
				""")
			.bind("ids", moves.stream().map((move) -> move.attemptId().toString()).toArray(String[]::new))
			.bind("rounds", moves.stream().map(ExamService.Backdated::roundId).toArray(Long[]::new))
			.bind("starts", moves.stream().map((move) -> move.startedAt().toString()).toArray(String[]::new))
			.bind("durations", moves.stream().map((move) -> (int) move.duration().toMillis()).toArray(Integer[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Clears what an attempt keeps about the device it was taken on (keyed hash of the
	 * client IP, user agent, device hash) and the name, unit and district typed at its
	 * start.
	 * @return how many attempts had any of them
	 */
	public Mono<Long> forgetClients(long contestId) {
		return this.database.sql("""
				update attempt set client_ip_hash = null, user_agent = null, device_hash = null, entered_name = null,
				                   entered_unit_code = null, entered_district = null
				where contest_id = :contest
				  and (client_ip_hash is not null or user_agent is not null or device_hash is not null
				       or entered_name is not null or entered_unit_code is not null or entered_district is not null)
				""")
			.bind("contest", contestId)
			.fetch()
			.rowsUpdated()
			// the keys' hashes are of the starts' bodies: names, phones
			.flatMap((forgotten) -> this.database.sql("delete from attempt_start_key where contest_id = :contest")
				.bind("contest", contestId)
				.fetch()
				.rowsUpdated()
				.thenReturn(forgotten));
	}

	/**
	 * Every submitted attempt of a contest with who took it, in submission order: what
	 * the read side needs to rebuild itself.
	 */
	public Flux<SubmittedAttempt> submitted(long contestId) {
		return this.database.sql("""
				select a.id, a.round_id, a.participant_id, p.full_name, p.unit_id, p.district, a.score,
				       a.duration_ms, a.submitted_at, a.question_ids, a.answers, a.auto_submitted
				from attempt a join participant_record p on p.id = a.participant_id
				where a.contest_id = :contest and a.status = 'SUBMITTED'
				order by a.submitted_at, a.id
				""").bind("contest", contestId).map((row, meta) -> {
			List<Long> questionIds = Arrays.asList(row.get("question_ids", Long[].class));
			UUID id = row.get("id", UUID.class);
			return new SubmittedAttempt(id, row.get("round_id", Long.class), row.get("participant_id", Long.class),
					new Attempt.Taker(row.get("full_name", String.class), row.get("unit_id", Long.class),
							row.get("district", String.class)),
					new SubmissionResult(id, row.get("score", Short.class), questionIds.size(),
							row.get("duration_ms", Integer.class), row.get("submitted_at", Instant.class),
							row.get("auto_submitted", Boolean.class)),
					questionIds, Arrays.stream(row.get("answers", Short[].class)).map(Short::intValue).toList());
		}).all();
	}

	/**
	 * Every attempt of a contest with who took it, in start order.
	 */
	public Flux<OpenedAttempt> opened(long contestId) {
		return this.database.sql("""
				select a.id, a.round_id, a.participant_id, p.unit_id, p.district, a.started_at
				from attempt a join participant_record p on p.id = a.participant_id
				where a.contest_id = :contest
				order by a.started_at, a.id
				""")
			.bind("contest", contestId)
			.map((row, meta) -> new OpenedAttempt(row.get("id", UUID.class), row.get("round_id", Long.class),
					row.get("participant_id", Long.class),
					new Attempt.Taker(null, row.get("unit_id", Long.class), row.get("district", String.class)),
					row.get("started_at", Instant.class)))
			.all();
	}

	private Attempt attempt(Readable row) {
		Short[] answers = row.get("answers", Short[].class);
		Short[] saved = row.get("saved_answers", Short[].class);
		Short score = row.get("score", Short.class);
		return new Attempt(row.get("id", UUID.class), row.get("contest_id", Long.class),
				row.get("round_id", Long.class), row.get("participant_id", Long.class),
				row.get("token_hash", byte[].class), Arrays.asList(row.get("question_ids", Long[].class)),
				this.json.readValue(row.get("option_orders", Json.class).asString(), OPTION_ORDERS),
				row.get("started_at", Instant.class), row.get("deadline", Instant.class),
				AttemptStatus.valueOf(row.get("status", String.class)), row.get("submitted_at", Instant.class),
				(answers != null) ? Arrays.stream(answers).map(Short::intValue).toList() : null,
				row.get("prediction", Long.class), (score != null) ? score.intValue() : null,
				row.get("duration_ms", Integer.class),
				new Attempt.Taker(row.get("taker_name", String.class), row.get("taker_unit_id", Long.class),
						row.get("taker_district", String.class)),
				(saved != null) ? Arrays.stream(saved).map(Short::intValue).toList() : null,
				row.get("saved_prediction", Long.class), row.get("saved_at", Instant.class),
				row.get("auto_submitted", Boolean.class));
	}

	/**
	 * @param used attempts the participant used in the round before this one
	 * @param open whether one of their attempts is still open
	 * @param overdue whether that open attempt is overdue, waiting to be submitted from
	 * its last save
	 * @param inserted whether the new attempt was stored
	 * @param keyed whether its start key was stored with it (always false without a key)
	 */
	public record Admission(long used, boolean open, boolean overdue, boolean inserted, boolean keyed) {
	}

	/**
	 * @param requestHash keyed hash of the body of the start the key made
	 * @param attempt the attempt it started
	 */
	public record KeyedAttempt(byte[] requestHash, Attempt attempt) {
	}

	public record SubmittedAttempt(UUID id, long roundId, long participantId, Attempt.Taker taker,
			SubmissionResult result, List<Long> questionIds, List<Integer> answers) {
	}

	public record OpenedAttempt(UUID id, long roundId, long participantId, Attempt.Taker taker, Instant startedAt) {
	}

}
