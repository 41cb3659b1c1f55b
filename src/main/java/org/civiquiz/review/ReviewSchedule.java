package org.civiquiz.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.Round;

/**
 * When a contest's review policy lets a participant review an attempt, and anyone read
 * the answer key. The grace is the exam's submission grace: until it has passed after a
 * round's close, an attempt of that round may still be submitted, so its key must stay
 * secret.
 */
final class ReviewSchedule {

	private ReviewSchedule() {
	}

	/**
	 * When an attempt may be reviewed.
	 * @param contest the contest
	 * @param roundId the attempt's round
	 * @param submittedAt when the attempt was submitted
	 * @param grace the exam's submission grace
	 * @return the moment, or empty for {@code NEVER}
	 */
	static Optional<Instant> attemptAvailableAt(ContestSettings contest, long roundId, Instant submittedAt,
			Duration grace) {
		return switch (contest.reviewPolicy()) {
			case AFTER_SUBMISSION -> Optional.of(submittedAt);
			case AFTER_ROUND_CLOSES ->
				Optional.of(contest.round(roundId).map(Round::closesAt).orElse(contest.closesAt()).plus(grace));
			case AFTER_CONTEST_CLOSES -> Optional.of(contest.closesAt().plus(grace));
			case NEVER -> Optional.empty();
		};
	}

	/**
	 * When the answer key of the whole contest may be read: once the policy allows the
	 * review of every attempt the contest can have, that is after its last round (for
	 * {@code AFTER_SUBMISSION} and {@code AFTER_ROUND_CLOSES}) or the contest (for
	 * {@code AFTER_CONTEST_CLOSES}) has closed and the grace has passed.
	 * @param contest the contest
	 * @param grace the exam's submission grace
	 * @return the moment, or empty for {@code NEVER}
	 */
	static Optional<Instant> answerKeyAvailableAt(ContestSettings contest, Duration grace) {
		return switch (contest.reviewPolicy()) {
			case AFTER_SUBMISSION,
					AFTER_ROUND_CLOSES ->
				Optional.of(contest.rounds()
					.stream()
					.map(Round::closesAt)
					.max(Instant::compareTo)
					.orElse(contest.closesAt())
					.plus(grace));
			case AFTER_CONTEST_CLOSES -> Optional.of(contest.closesAt().plus(grace));
			case NEVER -> Optional.empty();
		};
	}

	/**
	 * Whether that moment has come: it has passed, or the organizers closed the contest
	 * early (a closed contest accepts no submission). Never for {@code NEVER}.
	 * @param availableAt the moment, empty for never
	 * @param contest the contest
	 * @param now the time now
	 * @return whether the review or key may be shown
	 */
	static boolean available(Optional<Instant> availableAt, ContestSettings contest, Instant now) {
		if (availableAt.isEmpty()) {
			return false;
		}
		boolean closed = contest.status() == ContestStatus.CLOSED || contest.status() == ContestStatus.FINALIZED;
		return closed || !now.isBefore(availableAt.get());
	}

}
