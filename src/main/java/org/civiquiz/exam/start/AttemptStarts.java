package org.civiquiz.exam.start;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.ExamService.ClientInfo;
import org.civiquiz.exam.attempt.Attempt;
import org.civiquiz.exam.attempt.AttemptCredentials;
import org.civiquiz.exam.attempt.AttemptLookup;
import org.civiquiz.exam.attempt.AttemptRepository;
import org.civiquiz.exam.attempt.AttemptStatus;
import org.civiquiz.exam.attempt.ExamException;
import org.civiquiz.exam.autosave.OverdueSweeper;
import org.civiquiz.exam.events.AttemptEvents;
import org.civiquiz.exam.events.ExamMetrics;
import org.civiquiz.participant.ParticipantService;
import org.civiquiz.participant.RegisteredParticipant;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.DrawnQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Starts attempts: registers the participant (or finds them by phone), enforces the
 * attempt limit and one open attempt at a time, draws the questions and stores the
 * attempt, all in one transaction or nothing; then announces it. A start made with an
 * {@code Idempotency-Key} ({@link StartKey}) is answered again, as it was, for as long as
 * the key lives.
 */
@Component
public class AttemptStarts {

	private final QuestionBankService banks;

	private final ParticipantService participants;

	private final AttemptRepository attempts;

	private final AttemptEvents events;

	private final TransactionalOperator transaction;

	private final ExamProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final OverdueSweeper overdue;

	private final AttemptLookup lookup;

	private final AttemptCredentials credentials = new AttemptCredentials();

	AttemptStarts(QuestionBankService banks, ParticipantService participants, AttemptRepository attempts,
			AttemptEvents events, TransactionalOperator transaction, ExamProperties properties, Clock clock,
			MeterRegistry meters, OverdueSweeper overdue, AttemptLookup lookup) {
		this.banks = banks;
		this.participants = participants;
		this.attempts = attempts;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.overdue = overdue;
		this.lookup = lookup;
	}

	/**
	 * Starts an attempt in the contest's open round, storing the start's key with it.
	 * @param contest the contest, open for starts
	 * @param registration what the participant entered
	 * @param client where the request came from
	 * @param key the start's key, or null
	 * @return the started attempt, with its token
	 */
	public Mono<AttemptStarted> start(ContestSettings contest, Registration registration, ClientInfo client,
			StartKey key) {
		Instant now = now();
		Round round = contest.requireOpenRound(now);
		return this.banks.bank(contest.questionBank())
			.flatMap((bank) -> start(new Start(contest, round, draw(contest, bank), registration, client, key, now)));
	}

	/**
	 * The attempt a start's key started in the last 24 hours, as that start answered it
	 * (same id, token, questions and deadline; the server's time of now).
	 * @param contest the contest
	 * @param key the start's key
	 * @return the attempt, empty if the key started none, or an error
	 * {@code IDEMPOTENCY_KEY_REUSED} if it came with another body
	 */
	public Mono<AttemptStarted> replay(ContestSettings contest, StartKey key) {
		Instant now = now();
		return this.attempts.findByStartKey(contest.id(), key.key(), now.minus(StartKey.LIFETIME)).flatMap((found) -> {
			Attempt attempt = found.attempt();
			if (!MessageDigest.isEqual(found.requestHash(), key.requestHash())
					|| !AttemptCredentials.matches(attempt.tokenHash(), key.token())) {
				return Mono.error(ExamException.idempotencyKeyReused());
			}
			int round = contest.round(attempt.roundId()).map(Round::number).orElse(0);
			return this.banks.bank(contest.questionBank())
				.map((bank) -> new AttemptStarted(attempt.id(), key.token(), round, attempt.startedAt(),
						attempt.deadline(), now(), questions(attempt.drawn(bank)), contest.predictionQuestion()));
		});
	}

	/**
	 * The questions as a participant is shown them: without their answers, options in the
	 * order drawn.
	 * @param drawn the questions as drawn
	 * @return the questions
	 */
	public static List<AttemptStarted.ExamQuestion> questions(List<DrawnQuestion> drawn) {
		return drawn.stream()
			.map((d) -> new AttemptStarted.ExamQuestion(d.question().id(), d.question().text(),
					d.optionOrder()
						.stream()
						.map((option) -> new AttemptStarted.ExamOption(option, d.question().option(option)))
						.toList()))
			.toList();
	}

	private List<DrawnQuestion> draw(ContestSettings contest, QuestionBank bank) {
		return ExamMetrics.draw(this.meters, contest.slug())
			.record(() -> bank.draw(contest.questionsPerAttempt(), contest.chapterQuotas(),
					ThreadLocalRandom.current()));
	}

	/**
	 * Registers the participant and stores the attempt in one transaction, then announces
	 * it.
	 */
	private Mono<AttemptStarted> start(Start start) {
		return admit(start)
			// the participant's previous attempt ran out with a save: submitted from it
			// first (outside the start's transaction, announced like any submission),
			// then this start is tried once more
			.onErrorResume(OverduePending.class, (pending) -> this.overdue.finishOverdueOf(pending.participantId)
				.then(Mono.defer(() -> admit(start))));
	}

	private Mono<AttemptStarted> admit(Start start) {
		String token = (start.key() != null) ? start.key().token() : this.credentials.newToken();
		return this.participants.register(start.contest(), start.registration(), start.now())
			.flatMap((participant) -> insert(start, token, participant))
			.as(this.transaction::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> ExamException.attemptInProgress())
			.doOnNext(this.lookup::remember)
			.flatMap((attempt) -> announce(start, attempt))
			.map((attempt) -> new AttemptStarted(attempt.id(), token, start.round().number(), start.now(),
					start.deadline(), now(), questions(start.drawn()), start.contest().predictionQuestion()));
	}

	/** Stores the attempt if the participant may start it now. */
	private Mono<Attempt> insert(Start start, String token, RegisteredParticipant participant) {
		ContestSettings contest = start.contest();
		Attempt attempt = new Attempt(this.credentials.newId(), contest.id(), start.round().id(), participant.id(),
				AttemptCredentials.hash(token), start.drawn().stream().map((d) -> d.question().id()).toList(),
				start.drawn().stream().map(DrawnQuestion::optionOrder).toList(), start.now(), start.deadline(),
				AttemptStatus.OPEN, null, null, null, null, null,
				new Attempt.Taker(participant.fullName(), participant.unitId(), participant.district()), null, null,
				null, false);
		return this.attempts
			.insertIfAllowed(attempt, start.client(), participant, start.now().minus(this.properties.submissionGrace()),
					contest.maxAttemptsPerRound(), contest.autoSubmitsOverdue(), start.key(),
					start.now().minus(StartKey.LIFETIME))
			.flatMap((admission) -> admitted(admission, contest, attempt, start.key()));
	}

	private static Mono<Attempt> admitted(AttemptRepository.Admission admission, ContestSettings contest,
			Attempt attempt, StartKey key) {
		if (admission.inserted() && key != null && !admission.keyed()) {
			// the same key started another attempt meanwhile (a duplicate sent at once):
			// this one is rolled back, and the caller answers with that one
			return Mono.error(ExamException.attemptInProgress());
		}
		if (admission.open()) {
			return Mono.error(admission.overdue() ? new OverduePending(attempt.participantId())
					: ExamException.attemptInProgress());
		}
		if (admission.used() >= contest.maxAttemptsPerRound()) {
			return Mono.error(ExamException.attemptLimitReached());
		}
		return admission.inserted() ? Mono.just(attempt) : Mono.error(ExamException.attemptInProgress());
	}

	private Mono<Attempt> announce(Start start, Attempt attempt) {
		return this.events
			.announce(AttemptEvents.opened(start.contest(), attempt.id(), start.round().id(), attempt.participantId(),
					attempt.participant(), start.now()))
			.thenReturn(attempt);
	}

	/**
	 * PostgreSQL keeps microseconds: a time reported before and after storing must be the
	 * same.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * One start: what was asked, at what time, the round it goes to and the questions
	 * drawn for it.
	 */
	private record Start(ContestSettings contest, Round round, List<DrawnQuestion> drawn, Registration registration,
			ClientInfo client, StartKey key, Instant now) {

		/** The time limit's end, or the round's close if that comes first. */
		Instant deadline() {
			Instant limit = this.now.plus(this.contest.timeLimit());
			return limit.isBefore(this.round.closesAt()) ? limit : this.round.closesAt();
		}

	}

	/**
	 * The participant's previous attempt is overdue with a save to submit before they may
	 * start again.
	 */
	private static final class OverduePending extends RuntimeException {

		private final long participantId;

		OverduePending(long participantId) {
			super(null, null, false, false);
			this.participantId = participantId;
		}

	}

}
