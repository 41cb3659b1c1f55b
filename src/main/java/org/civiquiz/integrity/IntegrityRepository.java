package org.civiquiz.integrity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the cheating signals. Reads the exam's tables (attempts, participants) and
 * the committee's exclusions as a report does; writes nothing.
 */
@Repository
class IntegrityRepository {

	/**
	 * Per submitted attempt, the displayed positions chosen: for question {@code i},
	 * {@code answers[i]}'s place in {@code option_orders[i]} as a letter (A first), or
	 * {@code -} when unanswered.
	 */
	private static final String SEQUENCES = """
			select a.id, a.participant_id, a.submitted_at,
			       string_agg(case when x.answer = 0 then '-' else coalesce(chr(64 + cast(o.position as int)), '?') end,
			                  '' order by x.i) as sequence
			from attempt_record a
			cross join lateral unnest(a.answers) with ordinality as x(answer, i)
			left join lateral (
			    select e.position
			    from jsonb_array_elements(a.option_orders -> cast(x.i - 1 as int)) with ordinality as e(option, position)
			    where e.option = to_jsonb(x.answer)) o on true
			where a.contest_id = :contest and a.status = 'SUBMITTED'
			group by a.id, a.participant_id, a.submitted_at
			""";

	private final DatabaseClient database;

	IntegrityRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Submitted attempts of the contest faster than {@code perQuestionMs} per question
	 * with at least {@code minScorePercent} of their questions right. One submitted by
	 * the server when its time ran out took the whole time: it is never too fast.
	 */
	Flux<FastAttempt> tooFast(long contest, long perQuestionMs, int minScorePercent) {
		return this.database.sql("""
				select a.id, a.duration_ms, a.score, cardinality(a.question_ids) as questions
				from attempt_record a
				where a.contest_id = :contest and a.status = 'SUBMITTED' and not a.auto_submitted
				  and a.duration_ms < :perQuestion * cardinality(a.question_ids)
				  and 100 * a.score >= :percent * cardinality(a.question_ids)
				""")
			.bind("contest", contest)
			.bind("perQuestion", perQuestionMs)
			.bind("percent", minScorePercent)
			.map((row, meta) -> new FastAttempt(row.get("id", UUID.class), row.get("duration_ms", Integer.class),
					row.get("score", Short.class), row.get("questions", Integer.class)))
			.all();
	}

	/**
	 * The sequences of chosen positions that at least {@code participants} different
	 * participants submitted, each with its attempts, the earliest submitted first.
	 */
	Flux<SharedSequence> identicalSequences(long contest, int participants, int minAnswered) {
		return this.database.sql("""
				with sequences as (%s)
				select sequence, count(distinct participant_id) as participants,
				       array_agg(cast(id as text) order by submitted_at, id) as attempts
				from sequences
				where length(replace(sequence, '-', '')) >= :answered
				group by sequence
				having count(distinct participant_id) >= :participants
				""".formatted(SEQUENCES))
			.bind("contest", contest)
			.bind("participants", participants)
			.bind("answered", minAnswered)
			.map((row, meta) -> new SharedSequence(row.get("sequence", String.class),
					row.get("participants", Long.class).intValue(),
					Arrays.stream(row.get("attempts", String[].class)).map(UUID::fromString).toList()))
			.all();
	}

	/**
	 * Every start of the contest from an origin (client IP or device) that at least
	 * {@code participants} different participants started from, by origin and time.
	 */
	Flux<OriginStart> startsOfBusyOrigins(long contest, Origin origin, int participants) {
		return this.database.sql("""
				select encode(a.%1$s, 'hex') as origin, a.id, a.participant_id, a.started_at,
				       a.status = 'SUBMITTED' as submitted
				from attempt_record a
				where a.contest_id = :contest and a.%1$s in (
				    select b.%1$s from attempt_record b
				    where b.contest_id = :contest and b.%1$s is not null
				    group by b.%1$s having count(distinct b.participant_id) >= :participants)
				order by origin, a.started_at, a.id
				""".formatted(origin.column))
			.bind("contest", contest)
			.bind("participants", participants)
			.map((row, meta) -> new OriginStart(row.get("origin", String.class),
					new Bursts.Start(row.get("id", UUID.class), row.get("participant_id", Long.class),
							row.get("started_at", Instant.class), row.get("submitted", Boolean.class))))
			.all();
	}

	/**
	 * Each name entered with the phones of the contest that were used with at least
	 * {@code names} different names (as typed), by participant, in order of first use.
	 */
	Flux<EnteredName> namesOfPhonesWithManyNames(long contest, int names) {
		return this.database.sql("""
				select a.participant_id, a.entered_name, count(*) as attempts, min(a.started_at) as first_used
				from attempt_record a
				where a.entered_name is not null and a.participant_id in (
				    select b.participant_id from participant_record p join attempt_record b on b.participant_id = p.id
				    where p.contest_id = :contest and b.entered_name is not null
				    group by b.participant_id having count(distinct b.entered_name) >= :names)
				group by a.participant_id, a.entered_name
				order by a.participant_id, first_used, a.entered_name
				""")
			.bind("contest", contest)
			.bind("names", names)
			.map((row, meta) -> new EnteredName(row.get("participant_id", Long.class),
					row.get("entered_name", String.class), row.get("attempts", Long.class).intValue()))
			.all();
	}

	/**
	 * The submitted attempts of the contest whose start entered another name, unit or
	 * district than their participant's registration holds, as typed (a name typed
	 * otherwise may still be the same name: see {@link Names}). Starts made before units
	 * and districts were recorded are compared by name only.
	 */
	Flux<ChangedDetails> changedDetails(long contest) {
		return this.database
			.sql("""
					select a.id, a.entered_name, a.entered_unit_code, a.entered_district, a.phone_verified,
					       p.full_name, u.code as unit_code, p.district, p.created_at
					from attempt_record a join participant_record p on p.id = a.participant_id join unit u on u.id = p.unit_id
					where a.contest_id = :contest and a.status = 'SUBMITTED'
					  and (a.entered_name <> p.full_name or a.entered_unit_code <> u.code or a.entered_district <> p.district)
					""")
			.bind("contest", contest)
			.map((row, meta) -> new ChangedDetails(
					row.get("id", UUID.class), new Evidence.Entry(row.get("full_name", String.class),
							row.get("unit_code", String.class), row.get("district", String.class)),
					row.get("created_at", Instant.class),
					new Evidence.Entry(row.get("entered_name", String.class),
							row.get("entered_unit_code", String.class), row.get("entered_district", String.class)),
					row.get("phone_verified", Boolean.class)))
			.all();
	}

	/**
	 * The submitted attempts in scope among the given ones and those of the given
	 * participants; with {@code units}, only those of these units' participants.
	 */
	Flux<FlaggedAttempt> submittedAttempts(long contest, Long round, Long[] units, Collection<UUID> attempts,
			Collection<Long> participants) {
		DatabaseClient.GenericExecuteSpec sql = this.database.sql("""
				select a.id, a.participant_id, p.full_name, a.round_id, a.score, a.entered_name, a.auto_submitted,
				       exists (select 1 from award_exclusion e where e.attempt_id = a.id) as excluded
				from attempt_record a join participant_record p on p.id = a.participant_id
				where a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)
				  and a.status = 'SUBMITTED'
				  and (a.id = any(cast(:attempts as uuid[])) or a.participant_id = any(:participants))
				  and (cast(:units as bigint[]) is null or p.unit_id = any(:units))
				""")
			.bind("contest", contest)
			.bind("attempts", attempts.stream().map(UUID::toString).toArray(String[]::new))
			.bind("participants", participants.toArray(Long[]::new));
		sql = (round != null) ? sql.bind("round", round) : sql.bindNull("round", Long.class);
		sql = (units != null) ? sql.bind("units", units) : sql.bindNull("units", Long[].class);
		return sql
			.map((row, meta) -> new FlaggedAttempt(row.get("id", UUID.class), row.get("participant_id", Long.class),
					row.get("full_name", String.class), row.get("round_id", Long.class), row.get("score", Short.class),
					row.get("entered_name", String.class), row.get("excluded", Boolean.class),
					row.get("auto_submitted", Boolean.class)))
			.all();
	}

	/** Where attempts are started from. */
	enum Origin {

		NETWORK("client_ip_hash"), DEVICE("device_hash");

		private final String column;

		Origin(String column) {
			this.column = column;
		}

	}

	record FastAttempt(UUID id, int durationMs, int score, int questions) {
	}

	record SharedSequence(String sequence, int participants, List<UUID> attempts) {
	}

	record OriginStart(String origin, Bursts.Start start) {
	}

	record EnteredName(long participantId, String name, int attempts) {
	}

	record ChangedDetails(UUID id, Evidence.Entry registered, Instant registeredAt, Evidence.Entry entered,
			boolean phoneVerified) {
	}

	record FlaggedAttempt(UUID id, long participantId, String fullName, long roundId, int score, String enteredName,
			boolean excluded, boolean autoSubmitted) {
	}

}
