package org.civiquiz.contest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.contest.internal.ConsentTexts;
import org.civiquiz.contest.internal.Contest;
import org.civiquiz.contest.internal.ContestPages;
import org.civiquiz.contest.internal.ContestProperties;
import org.civiquiz.contest.internal.ContestRepository;
import org.civiquiz.contest.internal.ContestRows;
import org.civiquiz.contest.internal.RoundRepository;
import org.civiquiz.contest.internal.UnitRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and creates contests. Settings are cached per replica for a few seconds: the exam
 * reads them on every start and submission, and they change rarely.
 */
@Service
public class ContestService {

	private final ContestRepository contests;

	private final RoundRepository rounds;

	private final UnitRepository units;

	private final ConsentTexts consentTexts;

	private final ContestRows rows;

	private final ContestPages pages;

	private final Duration cacheTtl;

	private final Map<String, Long> idsBySlug = new ConcurrentHashMap<>();

	private final Map<Long, Mono<ContestSettings>> settingsById = new ConcurrentHashMap<>();

	ContestService(ContestRepository contests, RoundRepository rounds, UnitRepository units, ConsentTexts consentTexts,
			ContestRows rows, ContestPages pages, ContestProperties properties) {
		this.contests = contests;
		this.rounds = rounds;
		this.units = units;
		this.consentTexts = consentTexts;
		this.rows = rows;
		this.pages = pages;
		this.cacheTtl = properties.cacheTtl();
	}

	/**
	 * @return the consent text a contest gets when its organizers set none
	 */
	public String defaultConsentText() {
		return this.consentTexts.defaultText();
	}

	/**
	 * The contest's settings, as the exam enforces them.
	 * @param slug the contest's URL name
	 * @return the settings, or an error {@code CONTEST_NOT_FOUND}
	 */
	public Mono<ContestSettings> settings(String slug) {
		Long id = this.idsBySlug.get(slug);
		if (id != null) {
			return settings(id);
		}
		return this.contests.findBySlug(slug)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> {
				this.idsBySlug.put(slug, contest.id());
				return settings(contest.id());
			});
	}

	public Mono<ContestSettings> settings(long id) {
		return this.settingsById.computeIfAbsent(id, (key) -> this.contests.findById(key)
			.flatMap(this::toSettings)
			// a failed read is not kept: the next request tries again
			.cache((settings) -> this.cacheTtl, (error) -> Duration.ZERO, () -> this.cacheTtl))
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(String.valueOf(id))));
	}

	/**
	 * Forgets this replica's cached settings of a contest, after a change written to its
	 * tables directly (the replay closing its contest): the next read is PostgreSQL's.
	 * @param id the contest
	 */
	public void forget(long id) {
		this.settingsById.remove(id);
		this.pages.forget(id);
	}

	/**
	 * The settings of every contest the public can see (every status but draft).
	 * @return the contests
	 */
	public Flux<ContestSettings> publishedContests() {
		return this.contests.findByStatusNotOrderByOpensAtDesc(ContestStatus.DRAFT)
			.concatMap((contest) -> settings(contest.id()));
	}

	public Mono<Boolean> exists(String slug) {
		return this.contests.findBySlug(slug).hasElement();
	}

	/**
	 * Creates a contest with its rounds and units in one transaction.
	 * @param contest the contest
	 * @param rounds its rounds
	 * @param units its units; a unit's parent is named by code and must come before it
	 * @return the new contest's settings
	 */
	@Transactional
	public Mono<ContestSettings> create(NewContest contest, List<NewRound> rounds, List<NewUnit> units) {
		return this.consentTexts.storeOrDefault(contest.consentText())
			.flatMap((consent) -> this.contests.save(new Contest(null, contest.slug(), contest.title(), contest.law(),
					contest.description(), contest.rules(), contest.questionBank(), contest.opensAt(),
					contest.closesAt(), (int) contest.timeLimit().toSeconds(), contest.questionsPerAttempt(),
					contest.maxAttemptsPerRound(), this.rows.json(contest.chapterQuotas()),
					contest.predictionQuestion(), contest.districts().toArray(String[]::new), contest.status(),
					consent.id(), contest.phoneVerification(), contest.reviewPolicy(), contest.overdueHandling(),
					this.rows.json(contest.certificate()), contest.ranked())))
			.flatMap((saved) -> {
				Flux<Round> savedRounds = Flux.fromIterable(rounds)
					.concatMap((round) -> this.rounds.save(new Round(null, saved.id(), round.number(), round.name(),
							round.opensAt(), round.closesAt())));
				Map<String, Long> idsByCode = new ConcurrentHashMap<>();
				Flux<Unit> savedUnits = Flux.fromIterable(units)
					.concatMap((unit) -> this.units.save(new Unit(null, saved.id(), unit.code(), unit.name(),
							(unit.parentCode() != null) ? idsByCode.get(unit.parentCode()) : null, unit.headcount()))
						.doOnNext((savedUnit) -> idsByCode.put(savedUnit.code(), savedUnit.id())));
				return savedRounds.thenMany(savedUnits).then(toSettings(saved));
			});
	}

	private Mono<ContestSettings> toSettings(Contest contest) {
		return Mono
			.zip(this.rounds.findByContestIdOrderByNumber(contest.id()).collectList(),
					this.units.findByContestIdOrderByCode(contest.id()).collectList())
			.map((tuple) -> new ContestSettings(contest.id(), contest.slug(), contest.questionBank(), contest.opensAt(),
					contest.closesAt(), Duration.ofSeconds(contest.timeLimitSeconds()), contest.questionsPerAttempt(),
					attemptLimit(contest), this.rows.quotas(contest), ContestRows.predictionQuestion(contest),
					Arrays.asList(contest.districts()), contest.status(), tuple.getT1(), tuple.getT2(),
					contest.phoneVerification(), contest.reviewPolicy(), contest.overdueHandling(),
					this.rows.certificate(contest), contest.ranked()));
	}

	/**
	 * The contest's title, as certificates and public pages name it.
	 * @param id the contest
	 * @return the title, or an error {@code CONTEST_NOT_FOUND}
	 */
	public Mono<String> title(long id) {
		return this.contests.findById(id)
			.map(Contest::title)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(String.valueOf(id))));
	}

	/** Attempts per round; an unranked contest's 0 is no limit. */
	private static int attemptLimit(Contest contest) {
		return (contest.maxAttemptsPerRound() == 0 && !contest.ranked()) ? Integer.MAX_VALUE
				: contest.maxAttemptsPerRound();
	}

	/**
	 * A contest to create; with no consent text ({@code null} or blank), the default one.
	 */
	public record NewContest(String slug, String title, String law, String description, String rules,
			String questionBank, Instant opensAt, Instant closesAt, Duration timeLimit, int questionsPerAttempt,
			int maxAttemptsPerRound, Map<Integer, Integer> chapterQuotas, String predictionQuestion,
			List<String> districts, ContestStatus status, String consentText, PhoneVerification phoneVerification,
			ReviewPolicy reviewPolicy, OverdueHandling overdueHandling, CertificateSetting certificate,
			boolean ranked) {

		/**
		 * A ranked contest with the default review policy ({@code AFTER_CONTEST_CLOSES})
		 * that submits overdue attempts from their last save and issues no certificates.
		 */
		public NewContest(String slug, String title, String law, String description, String rules, String questionBank,
				Instant opensAt, Instant closesAt, Duration timeLimit, int questionsPerAttempt, int maxAttemptsPerRound,
				Map<Integer, Integer> chapterQuotas, String predictionQuestion, List<String> districts,
				ContestStatus status, String consentText, PhoneVerification phoneVerification) {
			this(slug, title, law, description, rules, questionBank, opensAt, closesAt, timeLimit, questionsPerAttempt,
					maxAttemptsPerRound, chapterQuotas, predictionQuestion, districts, status, consentText,
					phoneVerification, ReviewPolicy.AFTER_CONTEST_CLOSES, OverdueHandling.AUTO_SUBMIT,
					CertificateSetting.OFF, true);
		}

		/** A contest that takes phones as typed. */
		public NewContest(String slug, String title, String law, String description, String rules, String questionBank,
				Instant opensAt, Instant closesAt, Duration timeLimit, int questionsPerAttempt, int maxAttemptsPerRound,
				Map<Integer, Integer> chapterQuotas, String predictionQuestion, List<String> districts,
				ContestStatus status, String consentText) {
			this(slug, title, law, description, rules, questionBank, opensAt, closesAt, timeLimit, questionsPerAttempt,
					maxAttemptsPerRound, chapterQuotas, predictionQuestion, districts, status, consentText,
					PhoneVerification.OFF);
		}

		/** A contest with the default consent text. */
		public NewContest(String slug, String title, String law, String description, String rules, String questionBank,
				Instant opensAt, Instant closesAt, Duration timeLimit, int questionsPerAttempt, int maxAttemptsPerRound,
				Map<Integer, Integer> chapterQuotas, String predictionQuestion, List<String> districts,
				ContestStatus status) {
			this(slug, title, law, description, rules, questionBank, opensAt, closesAt, timeLimit, questionsPerAttempt,
					maxAttemptsPerRound, chapterQuotas, predictionQuestion, districts, status, null);
		}

	}

	public record NewRound(int number, String name, Instant opensAt, Instant closesAt) {
	}

	public record NewUnit(String code, String name, String parentCode, Integer headcount) {
	}

}
