package org.civiquiz.exam.attempt;

import java.util.stream.Collectors;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each keyed start deletes a few of its contest's old keys. PostgreSQL finds them in the
 * index on {@code (contest_id, created_at)}, however many keys a busy day leaves: the
 * driver's prepared statement runs on a generic plan, which once read the whole table, on
 * every start, to find that there were none.
 */
@IntegrationTest
class StartKeyPurgeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Test
	void theOldKeysAreLookedUpInTheIndexOnABusyDay() {
		AttemptStarted attempt = ExamFixtures.started(this.client, ExamFixtures.newPhone());
		long contest = this.database.sql("select contest_id from attempt where id = :id")
			.bind("id", attempt.attemptId())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		// a busy day's keys, all younger than a day: nothing to delete
		this.database.sql("""
				insert into attempt_start_key (contest_id, idempotency_key, request_hash, attempt_id, created_at)
				select :contest, 'purge-test-' || g, '\\x00'::bytea, :attempt, now()
				from generate_series(1, 20000) g""")
			.bind("contest", contest)
			.bind("attempt", attempt.attemptId())
			.then()
			.block();
		try {
			this.database.sql("analyze attempt_start_key").then().block();

			// the generic plan, as the driver's prepared statement gets: EXPLAIN's
			// GENERIC_PLAN, from a function, since the driver would want the $n bound
			this.database.sql("""
					create or replace function test_generic_plan(query text) returns setof text
					language plpgsql as $f$
					begin
					    return query execute 'explain (generic_plan) ' || query;
					end $f$""").then().block();
			String plan = this.database.sql("select test_generic_plan(:query)")
				.bind("query",
						AttemptRepository.PURGE_OLD_KEYS.replace(":keysBefore", "$3")
							.replace(":contest", "$1")
							.replace(":key", "$2"))
				.map((row) -> row.get(0, String.class))
				.all()
				.collect(Collectors.joining("\n"))
				.block();

			assertThat(plan).contains("attempt_start_key_contest_created").doesNotContain("Seq Scan");
		}
		finally {
			this.database.sql("delete from attempt_start_key where idempotency_key like 'purge-test-%'").then().block();
			this.database.sql("drop function if exists test_generic_plan(text)").then().block();
		}
	}

}
