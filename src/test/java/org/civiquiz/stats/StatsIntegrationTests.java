package org.civiquiz.stats;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.stats.ContestStats.DistrictFigures;
import org.civiquiz.stats.ContestStats.QuestionFigures;
import org.civiquiz.stats.ContestStats.UnitFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The organizers' figures for a small data set computed by hand.
 */
@IntegrationTest
class StatsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "stats-" + System.nanoTime() % 1_000_000,
				List.of("D1", "D2"),
				List.of(new NewUnit("U1", "Unit one", null, 10), new NewUnit("U2", "Unit two", null, null)));
	}

	@Test
	void figuresMatchAHandComputedExpectation() {
		String p1 = ExamFixtures.newPhone();
		submit(start(p1, "U1", "D1", Duration.ofMinutes(5)), 20);
		submit(start(p1, "U1", "D1", Duration.ofMinutes(3)), 16);
		submit(start(ExamFixtures.newPhone(), "U1", "D2", Duration.ofMinutes(10)), 15);
		submit(start(ExamFixtures.newPhone(), "U2", "D1", Duration.ofMinutes(2)), 9);
		AttemptStarted expired = start(ExamFixtures.newPhone(), "U2", "D2", Duration.ofMinutes(40));
		this.database.sql("update attempt set deadline = now() - interval '20 minutes' where id = :id")
			.bind("id", expired.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		start(ExamFixtures.newPhone(), "U2", "D1", Duration.ofMinutes(1));

		ContestStats stats = this.client.get()
			.uri("/api/admin/contests/{slug}/stats?exact=true", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ContestStats.class)
			.returnResult()
			.getResponseBody();

		assertThat(stats.participants()).isEqualTo(5);
		assertThat(stats.attemptsStarted()).isEqualTo(6);
		assertThat(stats.attemptsSubmitted()).isEqualTo(4);
		assertThat(stats.attemptsExpired()).isEqualTo(1);
		assertThat(stats.attemptsPerParticipant()).isEqualTo(1.2);
		long[] histogram = new long[21];
		histogram[9] = 1;
		histogram[15] = 1;
		histogram[16] = 1;
		histogram[20] = 1;
		assertThat(stats.scoreHistogram()).isEqualTo(histogram);
		histogram[16] = 0;
		assertThat(stats.bestScoreHistogram()).isEqualTo(histogram);
		assertThat(stats.attempts()).isEqualTo(new ContestStats.ScoreFigures(4, 1, 0.25, 3, 0.75, 15.0, 15.5));
		assertThat(stats.bestAttempts().count()).isEqualTo(3);
		assertThat(stats.bestAttempts().perfectShare()).isEqualTo(1 / 3.0);
		assertThat(stats.bestAttempts().atLeast15()).isEqualTo(2);
		assertThat(stats.bestAttempts().median()).isEqualTo(15.0);
		assertThat(stats.meanDurationMs()).isCloseTo(300_000, within(3_000.0));
		assertThat(stats.units()).containsExactly(new UnitFigures("U1", "Unit one", 2, 3, 17.0, 10, 0.2),
				new UnitFigures("U2", "Unit two", 3, 3, 9.0, null, null));
		assertThat(stats.districts()).containsExactly(new DistrictFigures("D1", 3, 4, 15.0),
				new DistrictFigures("D2", 2, 2, 15.0));
		assertThat(stats.questions().stream().mapToLong(QuestionFigures::drawn).sum()).isEqualTo(80);
		assertThat(stats.questions().stream().mapToLong(QuestionFigures::correct).sum()).isEqualTo(60);
		assertThat(stats.questions())
			.isSortedAccordingTo(java.util.Comparator.comparingDouble(QuestionFigures::correctRate));
		assertThat(stats.questions()).filteredOn((q) -> q.correct() < q.drawn())
			.allSatisfy((q) -> assertThat(q.mostChosenWrongOption()).isNotNull());
		assertThat(stats.chapters().stream().mapToLong(ContestStats.ProvisionFigures::drawn).sum()).isEqualTo(80);
		assertThat(stats.timeline().stream().mapToLong(ContestStats.HourFigures::started).sum()).isEqualTo(6);
		assertThat(stats.timeline().stream().mapToLong(ContestStats.HourFigures::submitted).sum()).isEqualTo(4);

		this.client.get()
			.uri("/api/admin/contests/{slug}/stats?round=1&exact=true", this.slug)
			.headers((h) -> h.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attemptsStarted")
			.isEqualTo(6)
			.jsonPath("$.round")
			.isEqualTo(1);
	}

	@Test
	void citizensDoNotSeeTheFigures() {
		this.client.get().uri("/api/admin/contests/{slug}/stats", this.slug).exchange().expectStatus().isUnauthorized();
	}

	/** Starts an attempt that appears to have begun {@code ago}. */
	private AttemptStarted start(String phone, String unit, String district, Duration ago) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("unitCode", unit);
		registration.put("district", district);
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, this.slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		ExamFixtures.backdate(this.database, attempt, ago);
		return attempt;
	}

	private void submit(AttemptStarted attempt, int correct) {
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, correct, 20 - correct, 1L))
			.expectStatus()
			.isOk();
	}

}
