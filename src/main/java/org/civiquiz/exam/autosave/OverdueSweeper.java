package org.civiquiz.exam.autosave;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.SubmissionResult;
import org.civiquiz.exam.attempt.Attempt;
import org.civiquiz.exam.attempt.AttemptRepository;
import org.civiquiz.exam.attempt.AttemptStatus;
import org.civiquiz.exam.attempt.Scoring;
import org.civiquiz.exam.events.AttemptEvents;
import org.civiquiz.question.QuestionBankService;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finishes the attempts whose deadline plus grace passed without a submission: on a
 * contest that submits them automatically ({@code overdueHandling: AUTO_SUBMIT}), one
 * with a save is submitted from its last save, as at its deadline, with the whole time
 * allowed as its duration, and announced like any submission (leaderboards, live
 * statistics); any other expires. Every replica sweeps on its own clock; each change is
 * one conditional UPDATE ({@code status = 'OPEN'} and the save scored still the last), so
 * an attempt is finished once, whichever replica, sweep or late request gets there first.
 * Requests that meet an overdue attempt (its view, a late submission or save, the
 * participant's next start) finish it the same way at once.
 */
@Component
public class OverdueSweeper implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OverdueSweeper.class);

	/** Batches one sweep takes at most: the next sweep goes on. */
	private static final int MAX_BATCHES = 100;

	private final ContestService contests;

	private final QuestionBankService banks;

	private final AttemptRepository attempts;

	private final AttemptEvents events;

	private final ExamProperties properties;

	private final Clock clock;

	private volatile Disposable ticks;

	OverdueSweeper(ContestService contests, QuestionBankService banks, AttemptRepository attempts, AttemptEvents events,
			ExamProperties properties, Clock clock) {
		this.contests = contests;
		this.banks = banks;
		this.attempts = attempts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One sweep: finishes every attempt overdue now, a batch at a time.
	 * @return how many attempts this call finished (submitted or expired); those another
	 * replica finished meanwhile are not counted
	 */
	Mono<Long> sweep() {
		Instant before = overdueBefore();
		int batch = this.properties.overdueSweepBatch();
		return Flux.range(0, MAX_BATCHES)
			.concatMap((page) -> this.attempts.overdue(before, batch)
				.collectList()
				.flatMap((found) -> finishAll(found).map((finished) -> new long[] { found.size(), finished })))
			.takeUntil((page) -> page[0] < batch)
			.reduce(0L, (sum, page) -> sum + page[1]);
	}

	private Mono<Long> finishAll(List<Attempt> found) {
		return Flux.fromIterable(found).concatMap((attempt) -> close(attempt).onErrorResume((ex) -> {
			// the others go on; this one is tried again at the next sweep
			logger.warn("Overdue attempt " + attempt.id() + " not finished: " + ex);
			return Mono.just(false);
		})).filter(Boolean::booleanValue).count();
	}

	/**
	 * Finishes a participant's overdue attempts, before they start another.
	 * @param participantId the participant
	 * @return when done
	 */
	public Mono<Void> finishOverdueOf(long participantId) {
		return this.attempts.overdueOf(participantId, overdueBefore()).concatMap(this::close).then();
	}

	/**
	 * Finishes an open attempt whose time ran out, as the sweep would.
	 * @param attempt the attempt as read
	 * @return the attempt as it is now (submitted or expired, by this call or another)
	 */
	public Mono<Attempt> finish(Attempt attempt) {
		return close(attempt).then(this.attempts.findById(attempt.id()));
	}

	/**
	 * Submits the attempt from its last save or expires it.
	 * @return whether this call changed it
	 */
	private Mono<Boolean> close(Attempt attempt) {
		return this.contests.settings(attempt.contestId()).flatMap((contest) -> {
			if (attempt.savedAt() == null || !contest.autoSubmitsOverdue()
					|| contest.status() == ContestStatus.FINALIZED) {
				// a finalized contest's winners are frozen: nothing joins them
				return this.attempts.expire(attempt.id()).map((expired) -> expired == 1);
			}
			return this.banks.bank(contest.questionBank()).flatMap((bank) -> {
				int score = Scoring.score(attempt, bank::question, attempt.savedAnswers());
				int durationMs = Scoring.durationMs(attempt, attempt.deadline());
				return this.attempts.autoSubmit(attempt.id(), attempt.savedAt(), score, durationMs)
					.flatMap((updated) -> (updated == 1)
							? announce(contest, attempt, score, durationMs).thenReturn(true) : again(attempt));
			});
		});
	}

	/**
	 * Someone else finished it first, or a save arrived between the read and the claim
	 * (one accepted just before the grace ran out): judge it as it is now.
	 */
	private Mono<Boolean> again(Attempt attempt) {
		return this.attempts.findById(attempt.id())
			.filter((current) -> current.status() == AttemptStatus.OPEN
					&& !Objects.equals(current.savedAt(), attempt.savedAt()))
			.flatMap(this::close)
			.defaultIfEmpty(false);
	}

	private Mono<Void> announce(ContestSettings contest, Attempt attempt, int score, int durationMs) {
		SubmissionResult result = new SubmissionResult(attempt.id(), score, attempt.total(), durationMs,
				attempt.deadline(), true);
		return this.events.announce(AttemptEvents.submitted(contest, attempt.roundId(), attempt.participantId(),
				attempt.participant(), attempt.questionIds(), attempt.savedAnswers(), result, false));
	}

	private Instant overdueBefore() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS).minus(this.properties.submissionGrace());
	}

	@Override
	public void start() {
		Duration every = this.properties.overdueSweepInterval();
		// on a thread that may block, as the reconciler's: the announcements write to
		// Redis
		this.ticks = Flux.interval(every, every, Schedulers.boundedElastic())
			// a sweep longer than a tick skips the ticks it overlaps instead of failing
			// the timer
			.onBackpressureDrop()
			.concatMap((tick) -> sweep().doOnNext((finished) -> {
				if (finished > 0) {
					logger.info("Finished " + finished + " overdue attempts");
				}
			}).onErrorResume((ex) -> {
				logger.debug("Sweep of overdue attempts postponed: " + ex);
				return Mono.empty();
			}))
			.subscribe(null, (ex) -> logger.error("Sweeping of overdue attempts stopped", ex));
	}

	@Override
	public void stop() {
		Disposable disposable = this.ticks;
		if (disposable != null) {
			disposable.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.ticks != null && !this.ticks.isDisposed();
	}

}
