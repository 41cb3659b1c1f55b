package org.civiquiz.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.contest.Round;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewScheduleTests {

	private static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant ROUND_1_CLOSES = Instant.parse("2026-12-08T00:00:00Z");

	private static final Instant ROUND_2_CLOSES = Instant.parse("2026-12-15T00:00:00Z");

	private static final Instant CLOSES = Instant.parse("2026-12-20T00:00:00Z");

	private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");

	private static final Duration GRACE = Duration.ofSeconds(15);

	@Test
	void eachPolicyHasItsMomentForAnAttempt() {
		assertThat(attemptAt(ReviewPolicy.AFTER_SUBMISSION)).contains(SUBMITTED);
		assertThat(attemptAt(ReviewPolicy.AFTER_ROUND_CLOSES)).contains(ROUND_1_CLOSES.plus(GRACE));
		assertThat(attemptAt(ReviewPolicy.AFTER_CONTEST_CLOSES)).contains(CLOSES.plus(GRACE));
		assertThat(attemptAt(ReviewPolicy.NEVER)).isEmpty();
	}

	@Test
	void theKeyOfTheWholeContestWaitsUntilNoAttemptCanBeSubmitted() {
		assertThat(
				ReviewSchedule.answerKeyAvailableAt(contest(ReviewPolicy.AFTER_SUBMISSION, ContestStatus.OPEN), GRACE))
			.contains(ROUND_2_CLOSES.plus(GRACE));
		assertThat(ReviewSchedule.answerKeyAvailableAt(contest(ReviewPolicy.AFTER_ROUND_CLOSES, ContestStatus.OPEN),
				GRACE))
			.contains(ROUND_2_CLOSES.plus(GRACE));
		assertThat(ReviewSchedule.answerKeyAvailableAt(contest(ReviewPolicy.AFTER_CONTEST_CLOSES, ContestStatus.OPEN),
				GRACE))
			.contains(CLOSES.plus(GRACE));
		assertThat(ReviewSchedule.answerKeyAvailableAt(contest(ReviewPolicy.NEVER, ContestStatus.OPEN), GRACE))
			.isEmpty();
	}

	@Test
	void availableFromItsMomentOrOnceClosedButNeverForNever() {
		ContestSettings open = contest(ReviewPolicy.AFTER_CONTEST_CLOSES, ContestStatus.OPEN);
		Optional<Instant> at = Optional.of(CLOSES.plus(GRACE));
		assertThat(ReviewSchedule.available(at, open, CLOSES)).isFalse();
		assertThat(ReviewSchedule.available(at, open, CLOSES.plus(GRACE))).isTrue();
		assertThat(ReviewSchedule.available(at, contest(ReviewPolicy.AFTER_CONTEST_CLOSES, ContestStatus.CLOSED),
				SUBMITTED))
			.isTrue();
		assertThat(ReviewSchedule.available(at, contest(ReviewPolicy.AFTER_CONTEST_CLOSES, ContestStatus.FINALIZED),
				SUBMITTED))
			.isTrue();
		assertThat(ReviewSchedule.available(Optional.empty(), contest(ReviewPolicy.NEVER, ContestStatus.FINALIZED),
				CLOSES.plus(Duration.ofDays(365))))
			.isFalse();
	}

	private static Optional<Instant> attemptAt(ReviewPolicy policy) {
		return ReviewSchedule.attemptAvailableAt(contest(policy, ContestStatus.OPEN), 1L, SUBMITTED, GRACE);
	}

	private static ContestSettings contest(ReviewPolicy policy, ContestStatus status) {
		return new ContestSettings(7L, "c", "bank", OPENS, CLOSES, Duration.ofMinutes(20), 20, 3, Map.of(), "?",
				List.of(), status,
				List.of(new Round(1L, 7L, 1, "Tuần 1", OPENS, ROUND_1_CLOSES),
						new Round(2L, 7L, 2, "Tuần 2", ROUND_1_CLOSES, ROUND_2_CLOSES)),
				List.of(), PhoneVerification.OFF, policy, OverdueHandling.AUTO_SUBMIT, CertificateSetting.OFF, true);
	}

}
