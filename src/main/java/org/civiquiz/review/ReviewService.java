package org.civiquiz.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.ExamService;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A participant's review of a submitted attempt and a contest's answer key, each refused
 * with {@code REVIEW_NOT_AVAILABLE} (and when it will be available) until the contest's
 * review policy allows it: no correct option leaves the server before then.
 */
@Service
public class ReviewService {

	private final ExamService exams;

	private final ContestService contests;

	private final QuestionBankService banks;

	private final Duration grace;

	private final Clock clock;

	ReviewService(ExamService exams, ContestService contests, QuestionBankService banks, ExamProperties exam,
			Clock clock) {
		this.exams = exams;
		this.contests = contests;
		this.banks = banks;
		this.grace = exam.submissionGrace();
		this.clock = clock;
	}

	/**
	 * The review of a submitted attempt, for the holder of its token.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the review, or an error {@code REVIEW_NOT_AVAILABLE},
	 * {@code ATTEMPT_NOT_SUBMITTED} or the token's
	 */
	public Mono<AttemptReview> review(UUID attemptId, String token) {
		return this.exams.answers(attemptId, token)
			.flatMap((answers) -> this.contests.settings(answers.contestId()).flatMap((contest) -> {
				Optional<Instant> availableAt = ReviewSchedule.attemptAvailableAt(contest, answers.roundId(),
						answers.submittedAt(), this.grace);
				if (!ReviewSchedule.available(availableAt, contest, this.clock.instant())) {
					return Mono.error(ReviewException.notAvailable(availableAt.orElse(null)));
				}
				return this.banks.bank(contest.questionBank()).map((bank) -> AttemptReview.of(answers, bank));
			}));
	}

	/**
	 * A contest's answer key, for anyone, once its review policy allows it for the whole
	 * contest.
	 * @param slug the contest
	 * @return the key, or an error {@code REVIEW_NOT_AVAILABLE} or
	 * {@code CONTEST_NOT_FOUND} (a draft is not found)
	 */
	public Mono<AnswerKey> answerKey(String slug) {
		return this.contests.settings(slug).flatMap((contest) -> {
			if (contest.status() == ContestStatus.DRAFT) {
				return Mono.error(ContestException.notFound(slug));
			}
			Optional<Instant> availableAt = ReviewSchedule.answerKeyAvailableAt(contest, this.grace);
			if (!ReviewSchedule.available(availableAt, contest, this.clock.instant())) {
				return Mono.error(ReviewException.notAvailable(availableAt.orElse(null)));
			}
			return this.banks.bank(contest.questionBank()).map((bank) -> AnswerKey.of(contest.slug(), bank));
		});
	}

}
