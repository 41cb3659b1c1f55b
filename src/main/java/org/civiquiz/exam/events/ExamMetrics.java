package org.civiquiz.exam.events;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.civiquiz.exam.AttemptListener;
import org.civiquiz.exam.AttemptOpened;
import org.civiquiz.exam.AttemptSubmitted;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The exam's figures for operators (Prometheus): attempts started and submissions
 * accepted per contest, and the scores of those submissions as a histogram with one
 * bucket per possible score. A submission announced again (resent by its client) is
 * counted once. Exact figures are the statistics' (PostgreSQL); these count what this
 * replica did since it started.
 */
@Component
public class ExamMetrics implements AttemptListener {

	public static final String ATTEMPTS_STARTED = "civiquiz.attempts.started";

	public static final String SUBMISSIONS_ACCEPTED = "civiquiz.submissions.accepted";

	public static final String SUBMISSION_SCORES = "civiquiz.submissions.score";

	public static final String QUESTIONS_DRAW = "civiquiz.questions.draw";

	/** The one tag: a contest's slug (a handful per deployment). */
	public static final String CONTEST = "contest";

	private final MeterRegistry meters;

	ExamMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<Void> onOpened(AttemptOpened event) {
		return Mono.fromRunnable(() -> Counter.builder(ATTEMPTS_STARTED)
			.description("Attempts started (registration included)")
			.tag(CONTEST, event.contestSlug())
			.register(this.meters)
			.increment());
	}

	@Override
	public Mono<Void> onSubmitted(AttemptSubmitted event) {
		if (event.repeated()) {
			return Mono.empty();
		}
		return Mono.fromRunnable(() -> {
			Counter.builder(SUBMISSIONS_ACCEPTED)
				.description("Submissions accepted (committed to PostgreSQL), each counted once")
				.tag(CONTEST, event.contestSlug())
				.register(this.meters)
				.increment();
			scores(event.contestSlug(), event.total()).record(event.score());
		});
	}

	/**
	 * Scores are whole numbers from 0 to the attempt's total: a bucket at each gives
	 * Prometheus the exact histogram ({@code le="15.0"}: scores up to 15). Micrometer
	 * takes only bounds above 0, so the bucket of the zeros is {@code le="0.5"}.
	 */
	private DistributionSummary scores(String contest, int total) {
		return DistributionSummary.builder(SUBMISSION_SCORES)
			.description("Scores of accepted submissions (correct answers)")
			.tag(CONTEST, contest)
			.serviceLevelObjectives(
					DoubleStream.concat(DoubleStream.of(0.5), IntStream.rangeClosed(1, total).asDoubleStream())
						.toArray())
			.register(this.meters);
	}

	/**
	 * Times the draw of an attempt's questions.
	 * @param meters the registry
	 * @param contest the contest's slug
	 * @return the timer
	 */
	public static Timer draw(MeterRegistry meters, String contest) {
		return Timer.builder(QUESTIONS_DRAW)
			.description("Time to draw an attempt's questions from the bank")
			.tag(CONTEST, contest)
			.register(meters);
	}

}
