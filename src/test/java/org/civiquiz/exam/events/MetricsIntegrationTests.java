package org.civiquiz.exam.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus reads: starts, accepted submissions and their scores move
 * by exactly what happened over HTTP, and a resent submission is counted once. A contest
 * of its own, read before and after: other tests share the app.
 */
@IntegrationTest
class MetricsIntegrationTests {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "metrics-" + System.nanoTime() % 1_000_000,
				List.of("Quận Lê Chân"), List.of(new NewUnit("HP-LMHTX", "Liên minh HTX", null, null)));
	}

	@Test
	void startsSubmissionsAndScoresAreCountedOnce() {
		String before = scrape();
		int[] scores = { 20, 15, 15, 0 };
		for (int score : scores) {
			AttemptStarted attempt = start();
			Map<String, Object> answers = ExamFixtures.answers(attempt, this.bank, score, 20 - score, 4700L);
			submit(attempt, answers, score);
			// an idempotent retry: same answers, same result, counted once
			submit(attempt, answers, score);
		}
		start();
		String after = scrape();

		assertThat(delta(before, after, "civiquiz_attempts_started_total")).isEqualTo(5);
		assertThat(delta(before, after, "civiquiz_questions_draw_seconds_count")).isEqualTo(5);
		assertThat(delta(before, after, "civiquiz_submissions_accepted_total")).isEqualTo(4);
		assertThat(delta(before, after, "civiquiz_submissions_score_count")).isEqualTo(4);
		assertThat(delta(before, after, "civiquiz_submissions_score_sum")).isEqualTo(50);
		for (int le = 0; le <= 20; le++) {
			int bound = le;
			long atMost = java.util.Arrays.stream(scores).filter((score) -> score <= bound).count();
			// Micrometer's bounds are above 0: the zeros' bucket is 0.5
			String bucket = (le == 0) ? "0.5" : le + ".0";
			assertThat(delta(before, after, "civiquiz_submissions_score_bucket", "le", bucket)).as("le=%s", bucket)
				.isEqualTo(atMost);
		}
		assertThat(delta(before, after, "civiquiz_submissions_score_bucket", "le", "+Inf")).isEqualTo(4);
	}

	private AttemptStarted start() {
		return ExamFixtures
			.started(ExamFixtures.start(this.client, this.slug, ExamFixtures.registration(ExamFixtures.newPhone()))
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
	}

	private void submit(AttemptStarted attempt, Map<String, Object> answers, int score) {
		ExamFixtures.submit(this.client, attempt, answers)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(score);
	}

	private String scrape() {
		// The whole exposition, percentile histograms included, grows with every test
		// that ran before in this context: more than WebFlux's 256 KiB default.
		return this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private double delta(String before, String after, String name, String... labels) {
		return value(after, name, labels) - value(before, name, labels);
	}

	/** The sample of this test's contest with the given labels, 0 if absent. */
	private double value(String exposition, String name, String... labels) {
		Map<String, String> wanted = new HashMap<>();
		wanted.put("contest", this.slug);
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		for (String line : exposition.split("\n")) {
			if (!line.startsWith(name + "{")) {
				continue;
			}
			int close = line.lastIndexOf('}');
			Map<String, String> found = new HashMap<>();
			Matcher matcher = LABEL.matcher(line.substring(name.length() + 1, close));
			while (matcher.find()) {
				found.put(matcher.group(1), matcher.group(2));
			}
			if (found.entrySet().containsAll(wanted.entrySet())) {
				return Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
			}
		}
		return 0;
	}

}
