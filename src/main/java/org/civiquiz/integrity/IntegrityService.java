package org.civiquiz.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.UnitTree;
import org.civiquiz.integrity.IntegrityRepository.FlaggedAttempt;
import org.civiquiz.integrity.IntegrityRepository.Origin;
import org.civiquiz.integrity.IntegrityRepository.OriginStart;
import org.civiquiz.leaderboard.DisplayNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The cheating signals of a contest. Each signal is computed over the whole contest (a
 * sequence of answers, a burst of starts or a phone's names may span rounds); the flags
 * listed are the submitted attempts in the scope asked for, since only those can win a
 * prize. The queries run one after the other in one read-only transaction: one snapshot.
 */
@Service
public class IntegrityService {

	/** How many other attempts an {@link Evidence.IdenticalAnswers} lists. */
	static final int MAX_LISTED = 10;

	private static final int LABEL_LENGTH = 8;

	private final ContestService contests;

	private final IntegrityRepository repository;

	private final IntegrityProperties properties;

	private final TransactionalOperator snapshot;

	IntegrityService(ContestService contests, IntegrityRepository repository, IntegrityProperties properties,
			ReactiveTransactionManager transactions) {
		this.contests = contests;
		this.repository = repository;
		this.properties = properties;
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		definition.setReadOnly(true);
		this.snapshot = TransactionalOperator.create(transactions, definition);
	}

	/**
	 * The flags of a round's submitted attempts, or of the whole contest's.
	 * @param slug the contest
	 * @param roundNumber the round's number, {@code null} for the whole contest
	 * @return the flags with a count per kind, or {@code CONTEST_NOT_FOUND},
	 * {@code ROUND_NOT_FOUND}
	 */
	public Mono<IntegrityReport> flags(String slug, Integer roundNumber) {
		return flags(slug, roundNumber, List.of());
	}

	/**
	 * The flags of the submitted attempts of some units' participants. The signals are
	 * still computed over the whole contest (a shared device is shared with anyone), and
	 * their evidence says so; only the flagged attempts are the units'.
	 * @param slug the contest
	 * @param roundNumber the round's number, {@code null} for the whole contest
	 * @param unitCodes the units (each covering its descendants), empty for every unit
	 * @return the flags with a count per kind
	 */
	public Mono<IntegrityReport> flags(String slug, Integer roundNumber, List<String> unitCodes) {
		return this.contests.settings(slug).flatMap((contest) -> {
			Long[] units = unitCodes.isEmpty() ? null
					: UnitTree.covered(contest.units(), unitCodes).stream().map(Unit::id).toArray(Long[]::new);
			Round round = (roundNumber != null) ? contest.roundNumbered(roundNumber)
				.orElseThrow(() -> IntegrityException.roundNotFound(roundNumber)) : null;
			return Flux
				.concat(tooFast(contest), identicalAnswers(contest), sharedOrigin(contest, Origin.NETWORK),
						sharedOrigin(contest, Origin.DEVICE), phoneManyNames(contest), phoneDetailsChanged(contest))
				.collectList()
				.flatMap((signals) -> attach(contest, round, units, signals))
				.as(this.snapshot::transactional);
		});
	}

	private Flux<Signal> tooFast(ContestSettings contest) {
		IntegrityProperties.TooFast settings = this.properties.tooFast();
		long perQuestionMs = settings.perQuestion().toMillis();
		return this.repository.tooFast(contest.id(), perQuestionMs, settings.minScorePercent())
			.map((fast) -> Signal.ofAttempt(FlagKind.TOO_FAST, fast.id(),
					new Evidence.TooFast(fast.durationMs(), perQuestionMs * fast.questions(), fast.questions(),
							fast.score(), minScore(settings.minScorePercent(), fast.questions()))));
	}

	/** The least whole score that is at least {@code percent} of the questions. */
	static int minScore(int percent, int questions) {
		return (percent * questions + 99) / 100;
	}

	private Flux<Signal> identicalAnswers(ContestSettings contest) {
		IntegrityProperties.IdenticalAnswers settings = this.properties.identicalAnswers();
		return this.repository.identicalSequences(contest.id(), settings.participants(), settings.minAnswered())
			.flatMapIterable((shared) -> shared.attempts()
				.stream()
				.map((attempt) -> Signal.ofAttempt(FlagKind.IDENTICAL_ANSWERS, attempt,
						new Evidence.IdenticalAnswers(shared.sequence(), shared.participants(),
								shared.attempts().size(),
								shared.attempts()
									.stream()
									.filter((other) -> !other.equals(attempt))
									.limit(MAX_LISTED)
									.toList())))
				.toList());
	}

	private Flux<Signal> sharedOrigin(ContestSettings contest, Origin origin) {
		boolean network = origin == Origin.NETWORK;
		int threshold = network ? this.properties.sharedNetwork().participants()
				: this.properties.sharedDevice().participants();
		Duration window = network ? this.properties.sharedNetwork().window() : this.properties.sharedDevice().window();
		FlagKind kind = network ? FlagKind.SHARED_NETWORK : FlagKind.SHARED_DEVICE;
		return this.repository.startsOfBusyOrigins(contest.id(), origin, threshold)
			.bufferUntilChanged(OriginStart::origin)
			.flatMapIterable((starts) -> {
				String label = starts.get(0).origin().substring(0, LABEL_LENGTH);
				List<Signal> signals = new ArrayList<>();
				for (Bursts.Burst burst : Bursts.find(starts.stream().map(OriginStart::start).toList(), window,
						threshold)) {
					Evidence evidence = new Evidence.SharedOrigin(label, burst.participants(), burst.starts().size(),
							burst.from(), burst.to(), threshold, window.toSeconds());
					burst.starts()
						.stream()
						.filter(Bursts.Start::submitted)
						.forEach((start) -> signals.add(Signal.ofAttempt(kind, start.attemptId(), evidence)));
				}
				return signals;
			});
	}

	private Flux<Signal> phoneManyNames(ContestSettings contest) {
		int threshold = this.properties.phoneManyNames().names();
		return this.repository.namesOfPhonesWithManyNames(contest.id(), threshold)
			.bufferUntilChanged(IntegrityRepository.EnteredName::participantId)
			.flatMapIterable((names) -> {
				List<Evidence.NameUse> distinct = Names.distinct(
						names.stream().map((name) -> new Evidence.NameUse(name.name(), name.attempts())).toList());
				return (distinct.size() < threshold) ? List.of()
						: List.of(Signal.ofParticipant(FlagKind.PHONE_MANY_NAMES, names.get(0).participantId(),
								new Evidence.PhoneManyNames(distinct, threshold, null)));
			});
	}

	private Flux<Signal> phoneDetailsChanged(ContestSettings contest) {
		return this.repository.changedDetails(contest.id())
			.filter((row) -> changed(row.registered(), row.entered()))
			.map((row) -> Signal.ofAttempt(FlagKind.PHONE_DETAILS_CHANGED, row.id(), new Evidence.PhoneDetailsChanged(
					row.registered(), row.registeredAt(), row.entered(), row.phoneVerified())));
	}

	/**
	 * Whether a start entered other details than the registration it counts under:
	 * another name (not the same one typed otherwise, see {@link Names}), unit or
	 * district. What the start did not record is not compared.
	 */
	static boolean changed(Evidence.Entry registered, Evidence.Entry entered) {
		return (entered.fullName() != null && !Names.key(entered.fullName()).equals(Names.key(registered.fullName())))
				|| (entered.unitCode() != null && !entered.unitCode().equals(registered.unitCode()))
				|| (entered.district() != null && !entered.district().equals(registered.district()));
	}

	/**
	 * The signals on the submitted attempts in scope, with who took them.
	 */
	private Mono<IntegrityReport> attach(ContestSettings contest, Round round, Long[] units, List<Signal> signals) {
		Set<UUID> attempts = new HashSet<>();
		Set<Long> participants = new HashSet<>();
		for (Signal signal : signals) {
			if (signal.attemptId() != null) {
				attempts.add(signal.attemptId());
			}
			else {
				participants.add(signal.participantId());
			}
		}
		Mono<List<FlaggedAttempt>> rows = (attempts.isEmpty() && participants.isEmpty()) ? Mono.just(List.of())
				: this.repository
					.submittedAttempts(contest.id(), (round != null) ? round.id() : null, units, attempts, participants)
					.collectList();
		return rows.map((found) -> {
			Map<UUID, FlaggedAttempt> byId = new HashMap<>();
			Map<Long, List<FlaggedAttempt>> byParticipant = new HashMap<>();
			for (FlaggedAttempt row : found) {
				byId.put(row.id(), row);
				byParticipant.computeIfAbsent(row.participantId(), (id) -> new ArrayList<>()).add(row);
			}
			List<IntegrityFlag> flags = new ArrayList<>();
			for (Signal signal : signals) {
				if (signal.attemptId() != null) {
					FlaggedAttempt row = byId.get(signal.attemptId());
					if (row != null) {
						flags.add(flag(contest, signal.kind(), row, signal.evidence()));
					}
				}
				else {
					for (FlaggedAttempt row : byParticipant.getOrDefault(signal.participantId(), List.of())) {
						Evidence evidence = (signal.evidence() instanceof Evidence.PhoneManyNames names)
								? names.withEnteredName(row.enteredName()) : signal.evidence();
						flags.add(flag(contest, signal.kind(), row, evidence));
					}
				}
			}
			flags.sort(Comparator.comparingLong(IntegrityFlag::participantId)
				.thenComparing((flag) -> flag.attemptId().toString())
				.thenComparing(IntegrityFlag::kind));
			Map<FlagKind, Integer> summary = new EnumMap<>(FlagKind.class);
			for (FlagKind kind : FlagKind.values()) {
				summary.put(kind, 0);
			}
			flags.forEach((flag) -> summary.merge(flag.kind(), 1, Integer::sum));
			int flagged = (int) flags.stream().map(IntegrityFlag::attemptId).distinct().count();
			return new IntegrityReport(contest.slug(), (round != null) ? round.number() : null,
					new LinkedHashMap<>(summary), flagged, List.copyOf(flags));
		});
	}

	private static IntegrityFlag flag(ContestSettings contest, FlagKind kind, FlaggedAttempt row, Evidence evidence) {
		return new IntegrityFlag(kind, row.id(), row.participantId(), DisplayNames.mask(row.fullName()),
				contest.round(row.roundId()).map(Round::number).orElse(0), row.score(), row.excluded(), evidence,
				row.autoSubmitted());
	}

	/**
	 * A signal on one attempt, or on every attempt of a participant.
	 */
	private record Signal(FlagKind kind, UUID attemptId, Long participantId, Evidence evidence) {

		static Signal ofAttempt(FlagKind kind, UUID attemptId, Evidence evidence) {
			return new Signal(kind, attemptId, null, evidence);
		}

		static Signal ofParticipant(FlagKind kind, long participantId, Evidence evidence) {
			return new Signal(kind, null, participantId, evidence);
		}

	}

}
