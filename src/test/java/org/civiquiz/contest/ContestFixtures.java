package org.civiquiz.contest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;

/**
 * Contests for tests that need rankings or figures of their own.
 */
public final class ContestFixtures {

	private ContestFixtures() {
	}

	/**
	 * Creates an open contest on the seeded question bank, with one round open from an
	 * hour ago for a day, 20 questions in 20 minutes, three attempts per round and no
	 * chapter quotas.
	 * @param contests the service
	 * @param slug the new contest's slug
	 * @param districts its districts
	 * @param units its units
	 * @return the slug
	 */
	public static String openContest(ContestService contests, String slug, List<String> districts,
			List<NewUnit> units) {
		return openContest(contests, slug, districts, units, PhoneVerification.OFF);
	}

	/**
	 * Creates an open contest as {@link #openContest(ContestService, String, List, List)}
	 * does, verifying phones or not.
	 * @param contests the service
	 * @param slug the new contest's slug
	 * @param districts its districts
	 * @param units its units
	 * @param phoneVerification whether it verifies phones
	 * @return the slug
	 */
	public static String openContest(ContestService contests, String slug, List<String> districts, List<NewUnit> units,
			PhoneVerification phoneVerification) {
		return openContest(contests, slug, districts, units, phoneVerification, ReviewPolicy.AFTER_CONTEST_CLOSES);
	}

	/**
	 * Creates an open contest as {@link #openContest(ContestService, String, List, List)}
	 * does, with a review policy.
	 * @param contests the service
	 * @param slug the new contest's slug
	 * @param districts its districts
	 * @param units its units
	 * @param reviewPolicy when its attempts may be reviewed
	 * @return the slug
	 */
	public static String openContest(ContestService contests, String slug, List<String> districts, List<NewUnit> units,
			ReviewPolicy reviewPolicy) {
		return openContest(contests, slug, districts, units, PhoneVerification.OFF, reviewPolicy);
	}

	private static String openContest(ContestService contests, String slug, List<String> districts, List<NewUnit> units,
			PhoneVerification phoneVerification, ReviewPolicy reviewPolicy) {
		Instant now = Instant.now();
		contests.create(
				new NewContest(slug, "Test " + slug, "Law", "", "", IntegrationTest.CONTEST,
						now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), Duration.ofMinutes(20), 20, 3,
						Map.of(), "How many?", districts, ContestStatus.OPEN, null, phoneVerification, reviewPolicy,
						OverdueHandling.AUTO_SUBMIT, CertificateSetting.OFF, true),
				List.of(new NewRound(1, "Tuần 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))), units)
			.block();
		return slug;
	}

	/**
	 * Creates an open contest on a bank of its own, with one round open from an hour ago
	 * for a day and no chapter quotas: a bank as small as {@code questionsPerAttempt}
	 * makes every attempt draw every question.
	 * @param contests the service
	 * @param slug the new contest's slug
	 * @param bank the question bank's name
	 * @param questionsPerAttempt questions per attempt
	 * @param maxAttemptsPerRound attempts per person and round
	 * @return the slug
	 */
	public static String openContest(ContestService contests, String slug, String bank, int questionsPerAttempt,
			int maxAttemptsPerRound) {
		Instant now = Instant.now();
		contests
			.create(new NewContest(slug, "Test " + slug, "Law", "", "", bank, now.minus(Duration.ofHours(1)),
					now.plus(Duration.ofDays(1)), Duration.ofMinutes(20), questionsPerAttempt, maxAttemptsPerRound,
					Map.of(), "How many?", List.of("D1"), ContestStatus.OPEN),
					List.of(new NewRound(1, "Tuần 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
					List.of(new NewUnit("U1", "Unit one", null, null)))
			.block();
		return slug;
	}

}
