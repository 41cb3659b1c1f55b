package org.civiquiz.certificate;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of certificates: owns the certificate table, reads attempts and participants
 * through their owners' views.
 */
@Repository
class CertificateRepository {

	private static final String COLUMNS = "code, contest_id, participant_id, attempt_id, score, total, prize,"
			+ " issued_at, superseded_at";

	private final DatabaseClient database;

	CertificateRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A participant's submitted attempts in a contest, best first (as the boards rank).
	 */
	Flux<Taken> submitted(long contest, long participant) {
		return this.database.sql("""
				select id, score, cardinality(question_ids) as total from attempt_record
				where contest_id = :contest and participant_id = :participant and status = 'SUBMITTED'
				order by score desc, duration_ms, submitted_at, id
				""")
			.bind("contest", contest)
			.bind("participant", participant)
			.map((row, meta) -> new Taken(row.get("id", UUID.class), row.get("score", Short.class),
					row.get("total", Integer.class)))
			.all();
	}

	Mono<Person> person(long participant) {
		return this.database.sql("select full_name, unit_id from participant_record where id = :id")
			.bind("id", participant)
			.map((row, meta) -> new Person(row.get("full_name", String.class), row.get("unit_id", Long.class)))
			.one();
	}

	/** The participant's standing certificate in the contest, if any. */
	Mono<Issued> standing(long contest, long participant) {
		return this.database
			.sql("select " + COLUMNS + " from certificate where contest_id = :contest"
					+ " and participant_id = :participant and superseded_at is null")
			.bind("contest", contest)
			.bind("participant", participant)
			.map((row, meta) -> issued(row))
			.one();
	}

	Mono<Issued> byCode(String code) {
		return this.database.sql("select " + COLUMNS + " from certificate where code = :code")
			.bind("code", code)
			.map((row, meta) -> issued(row))
			.one();
	}

	Mono<Long> supersede(String code, Instant at) {
		return this.database
			.sql("update certificate set superseded_at = :at where code = :code and superseded_at is null")
			.bind("code", code)
			.bind("at", at)
			.fetch()
			.rowsUpdated();
	}

	Mono<Issued> insert(Issued certificate) {
		var spec = this.database.sql("""
				insert into certificate (code, contest_id, participant_id, attempt_id, score, total, prize, issued_at)
				values (:code, :contest, :participant, :attempt, :score, :total, :prize, :issued)
				""")
			.bind("code", certificate.code())
			.bind("contest", certificate.contestId())
			.bind("participant", certificate.participantId())
			.bind("attempt", certificate.attemptId())
			.bind("score", certificate.score())
			.bind("total", certificate.total())
			.bind("issued", certificate.issuedAt());
		spec = (certificate.prize() != null) ? spec.bind("prize", certificate.prize())
				: spec.bindNull("prize", String.class);
		return spec.fetch().rowsUpdated().thenReturn(certificate);
	}

	private static Issued issued(io.r2dbc.spi.Readable row) {
		return new Issued(row.get("code", String.class), row.get("contest_id", Long.class),
				row.get("participant_id", Long.class), row.get("attempt_id", UUID.class),
				row.get("score", Integer.class), row.get("total", Integer.class), row.get("prize", String.class),
				row.get("issued_at", Instant.class), row.get("superseded_at", Instant.class));
	}

	/** A submitted attempt as a certificate reads it. */
	record Taken(UUID id, int score, int total) {
	}

	/** A participant as a certificate names them. */
	record Person(String fullName, long unitId) {
	}

	/**
	 * A certificate as issued.
	 *
	 * @param code the verification code, canonical
	 * @param contestId the contest
	 * @param participantId whose
	 * @param attemptId the best attempt it rests on
	 * @param score that attempt's score
	 * @param total its questions
	 * @param prize the prizes held when issued, or {@code null}
	 * @param issuedAt when
	 * @param supersededAt when a newer certificate replaced it, or {@code null}
	 */
	record Issued(String code, long contestId, long participantId, UUID attemptId, int score, int total, String prize,
			Instant issuedAt, Instant supersededAt) {

		/** Whether it states the same as a certificate about to be issued. */
		boolean states(UUID attempt, int score, int total, String prize) {
			return this.attemptId.equals(attempt) && this.score == score && this.total == total
					&& java.util.Objects.equals(this.prize, prize);
		}

	}

}
