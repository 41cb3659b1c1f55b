package org.civiquiz.exam.attempt;

import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.answers;
import static org.civiquiz.exam.ExamFixtures.newPhone;
import static org.civiquiz.exam.ExamFixtures.started;
import static org.civiquiz.exam.ExamFixtures.submit;

/**
 * What this replica remembers of the attempts it started and submitted, and what it reads
 * again from PostgreSQL: a row is changed behind the replica's back, as another replica
 * (or the overdue sweeper) would change it.
 */
@IntegrationTest
class AttemptLookupIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private AttemptLookup lookup;

	private Map<Long, BankQuestion> bank;

	@BeforeEach
	void loadBank() {
		this.bank = ExamFixtures.bank(this.client);
	}

	@Test
	void aSubmittedAttemptIsAnsweredFromMemoryWithoutReadingItAgain() {
		AttemptStarted attempt = started(this.client, newPhone());
		submit(this.client, attempt, answers(attempt, this.bank, 12, 8, 300L)).expectStatus().isOk();
		// a submission is final: what changes the row now is not a submission, and the
		// replica does not look
		setScore(attempt, 3);

		Attempt remembered = this.lookup.load(attempt.attemptId(), attempt.token()).block();
		assertThat(remembered.status()).isEqualTo(AttemptStatus.SUBMITTED);
		assertThat(remembered.score()).isEqualTo(12);
		assertThat(remembered.participant().fullName()).isEqualTo("Nguyễn Thị Hồng Nhung");
	}

	@Test
	void anOpenAttemptIsReadAgainForAnythingButItsSubmission() {
		AttemptStarted attempt = started(this.client, newPhone());
		this.database.sql("update attempt set status = 'EXPIRED' where id = :id")
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();

		assertThat(this.lookup.load(attempt.attemptId(), attempt.token()).block().status())
			.isEqualTo(AttemptStatus.EXPIRED);
		// remembered as open and in time: the submission's update finds it changed, and
		// the submission is judged against what is stored
		submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 300L)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ATTEMPT_EXPIRED");
	}

	@Test
	void aSubmissionAnotherReplicaMadeIsWhatALaterOneIsJudgedAgainst() {
		AttemptStarted attempt = started(this.client, newPhone());
		// another replica stored a submission of no answers
		this.database.sql("""
				update attempt set status = 'SUBMITTED', submitted_at = now(), duration_ms = 1000, score = 0,
				    prediction = 300, answers = array_fill(0::smallint, array[cardinality(question_ids)])
				where id = :id
				""").bind("id", attempt.attemptId()).fetch().rowsUpdated().block();

		submit(this.client, attempt, answers(attempt, this.bank, 20, 0, 300L)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SUBMISSION_CONFLICT");
		submit(this.client, attempt, answers(attempt, this.bank, 0, 0, 300L)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(0)
			.jsonPath("$.durationMs")
			.isEqualTo(1000);
	}

	@Test
	void aTokenIsCheckedAgainstARememberedAttemptToo() {
		AttemptStarted attempt = started(this.client, newPhone());
		submit(this.client, attempt, answers(attempt, this.bank, 10, 0, 300L)).expectStatus().isOk();

		assertThat(this.lookup.load(attempt.attemptId(), attempt.token() + "x")
			.map(Attempt::score)
			.onErrorResume(ExamException.class, (ex) -> Mono.just(-1))
			.block()).isEqualTo(-1);
	}

	private void setScore(AttemptStarted attempt, int score) {
		this.database.sql("update attempt set score = :score where id = :id")
			.bind("score", (short) score)
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
	}

}
