package org.civiquiz.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.award.FinalizationService;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.participant.ParticipantService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Anonymizes the contests whose whole-contest winners list was finalized more than the
 * retention period ago, one transaction per contest; running it again changes nothing
 * more. Kept: unit, district, every attempt's scores, answers, prediction and times, the
 * participant ids attempts refer to, winners lists' ranks and prizes and the SHA-256 of
 * each list as frozen. So every statistic stays the same.
 */
@Service
public class RetentionService {

	private static final Log logger = LogFactory.getLog(RetentionService.class);

	private final ContestService contests;

	private final ParticipantService participants;

	private final ExamService exams;

	private final FinalizationService awards;

	private final ReadModelReconciler readModels;

	private final TransactionalOperator transaction;

	private final Clock clock;

	RetentionService(ContestService contests, ParticipantService participants, ExamService exams,
			FinalizationService awards, ReadModelReconciler readModels, TransactionalOperator transaction,
			Clock clock) {
		this.contests = contests;
		this.participants = participants;
		this.exams = exams;
		this.awards = awards;
		this.readModels = readModels;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Applies retention to every contest whose whole-contest list was finalized more than
	 * {@code days} ago.
	 * @param days the retention period
	 * @param dryRun count what would change, and roll it back
	 * @return per contest due, what was done (or would be)
	 */
	public Flux<ContestRetention> run(int days, boolean dryRun) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return this.awards.contestsFinalizedBefore(now.minus(Duration.ofDays(days)))
			.concatMap((id) -> this.contests.settings(id).flatMap((contest) -> apply(contest, now, dryRun)));
	}

	private Mono<ContestRetention> apply(ContestSettings contest, Instant now, boolean dryRun) {
		Mono<ContestRetention> changes = this.awards.redactLists(contest.id(), ParticipantService.ANONYMIZED_NAME, now)
			.flatMap((lists) -> this.participants.anonymize(contest.id(), now)
				.flatMap((people) -> this.exams.forgetClients(contest.id())
					.map((attempts) -> new ContestRetention(contest.slug(), people, attempts, lists, false))));
		return this.transaction.execute((status) -> {
			if (dryRun) {
				status.setRollbackOnly();
			}
			return changes;
		}).single().flatMap((done) -> (dryRun || !done.changedAnything()) ? Mono.just(done) : rebuild(contest, done));
	}

	/**
	 * The boards keep each person's masked name: replayed from the anonymized rows they
	 * show "Ẩn danh", with the same ranks and figures.
	 */
	private Mono<ContestRetention> rebuild(ContestSettings contest, ContestRetention done) {
		return this.readModels.rebuild(contest)
			.thenReturn(new ContestRetention(done.contest(), done.participants(), done.attempts(), done.winnersLists(),
					true))
			.onErrorResume((ex) -> {
				logger.warn("Retention: the boards of " + contest.slug() + " were not rebuilt (" + ex
						+ "); once Redis is back: POST /api/admin/contests/" + contest.slug() + "/rebuild");
				return Mono.just(done);
			});
	}

}
