package org.civiquiz.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, creates and changes contests. Settings are cached per replica for a few seconds:
 * the exam reads them on every start and submission, and they change rarely.
 */
@Service
public class ContestService {

	private static final TypeReference<Map<Integer, Integer>> QUOTAS = new TypeReference<>() {
	};

	private final ContestRepository contests;

	private final RoundRepository rounds;

	private final UnitRepository units;

	private final ConsentTexts consentTexts;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration cacheTtl;

	private final String defaultConsentText;

	private final Map<String, Long> idsBySlug = new ConcurrentHashMap<>();

	private final Map<Long, Mono<ContestSettings>> settingsById = new ConcurrentHashMap<>();

	/**
	 * What the contest page shows, by contest id: every visitor reads it, and it changes
	 * only when organizers edit the contest.
	 */
	private final Map<Long, Mono<PublicContest>> publicById = new ConcurrentHashMap<>();

	ContestService(ContestRepository contests, RoundRepository rounds, UnitRepository units, ConsentTexts consentTexts,
			JsonMapper json, Clock clock, ContestProperties properties, MessageSource messages,
			@Value("${civiquiz.retention.days}") int retentionDays) {
		this.contests = contests;
		this.rounds = rounds;
		this.units = units;
		this.consentTexts = consentTexts;
		this.json = json;
		this.clock = clock;
		this.cacheTtl = properties.cacheTtl();
		// in the messages bundle, in Vietnamese: the data used, what for, who sees them,
		// and
		// how long they are kept (the retention feature's setting, read here by name
		// because
		// retention depends on contests, not the other way round)
		this.defaultConsentText = ConsentTexts.normalize(
				messages.getMessage("consent.default", new Object[] { retentionDays }, Locale.forLanguageTag("vi")));
	}

	/**
	 * @return the consent text a contest gets when its organizers set none
	 */
	public String defaultConsentText() {
		return this.defaultConsentText;
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
		this.publicById.remove(id);
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

	Flux<ContestSummary> listPublic() {
		return this.contests.findByStatusNotOrderByOpensAtDesc(ContestStatus.DRAFT).map(ContestSummary::of);
	}

	/**
	 * The contest page's data, kept per replica like the settings (for
	 * {@code civiquiz.contest.cache-ttl}); the server time and the current round are the
	 * request's own. Only slugs of existing contests are kept.
	 */
	Mono<ContestDetails> details(String slug) {
		return settings(slug).filter((settings) -> settings.status() != ContestStatus.DRAFT)
			.flatMap((settings) -> this.publicById.computeIfAbsent(settings.id(),
					(id) -> this.contests.findById(id)
						.flatMap((contest) -> Mono
							.zip(this.rounds.findByContestIdOrderByNumber(id).collectList(),
									this.units.findByContestIdOrderByCode(id).collectList(),
									this.consentTexts.find(contest.consentTextId()))
							.map((tuple) -> new PublicContest(contest, quotas(contest), tuple.getT1(), tuple.getT2(),
									tuple.getT3())))
						// a failed read is not kept: the next request tries again
						.cache((page) -> this.cacheTtl, (error) -> Duration.ZERO, () -> Duration.ZERO)))
			.filter((page) -> page.contest().status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.map((page) -> ContestDetails.of(page.contest(), page.quotas(), page.rounds(), page.units(), page.consent(),
					certificate(page.contest()), this.clock.instant()));
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
		return storeConsentText(contest.consentText()).flatMap((consent) -> this.contests.save(new Contest(null,
				contest.slug(), contest.title(), contest.law(), contest.description(), contest.rules(),
				contest.questionBank(), contest.opensAt(), contest.closesAt(), (int) contest.timeLimit().toSeconds(),
				contest.questionsPerAttempt(), contest.maxAttemptsPerRound(),
				Json.of(this.json.writeValueAsString(contest.chapterQuotas())), contest.predictionQuestion(),
				contest.districts().toArray(String[]::new), contest.status(), consent.id(), contest.phoneVerification(),
				contest.reviewPolicy(), contest.overdueHandling(), json(contest.certificate()), contest.ranked())))
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

	/** Every contest, drafts included, newest first: what organizers manage. */
	Flux<Contest> listAll() {
		return this.contests.findAllByOrderByOpensAtDesc();
	}

	Mono<ContestForm> form(String slug) {
		return this.contests.findBySlug(slug)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> Mono
				.zip(this.rounds.findByContestIdOrderByNumber(contest.id()).collectList(),
						this.units.findByContestIdOrderByCode(contest.id()).collectList(),
						this.consentTexts.find(contest.consentTextId()))
				.map((tuple) -> ContestForm.of(contest, quotas(contest), tuple.getT1(), ordered(tuple.getT2()),
						tuple.getT3(), certificate(contest))));
	}

	/**
	 * Creates a contest from an organizer's form, with its rounds and units.
	 * @param form the form
	 * @return the contest as stored, or {@code VALIDATION_FAILED}, {@code CONTEST_EXISTS}
	 */
	@Transactional
	public Mono<ContestForm> create(ContestForm form) {
		ContestForm valid = form.validated();
		NewContest contest = new NewContest(valid.slug(), valid.title(), valid.law(), valid.description(),
				valid.rules(), valid.questionBank(), valid.opensAt(), valid.closesAt(),
				Duration.ofMinutes(valid.timeLimitMinutes()), valid.questionsPerAttempt(), valid.maxAttemptsPerRound(),
				valid.chapterQuotas(), valid.predictionQuestion(), valid.districts(), valid.status(),
				valid.consentText(),
				(valid.phoneVerification() != null) ? valid.phoneVerification() : PhoneVerification.OFF,
				(valid.reviewPolicy() != null) ? valid.reviewPolicy() : ReviewPolicy.AFTER_CONTEST_CLOSES,
				(valid.overdueHandling() != null) ? valid.overdueHandling() : OverdueHandling.AUTO_SUBMIT,
				(valid.certificate() != null) ? valid.certificate() : CertificateSetting.OFF, valid.ranks());
		List<NewRound> rounds = valid.rounds()
			.stream()
			.map((round) -> new NewRound(round.number(), round.name().strip(), round.opensAt(), round.closesAt()))
			.toList();
		List<NewUnit> units = valid.units()
			.stream()
			.map((unit) -> new NewUnit(unit.code(), unit.name().strip(), unit.parentCode(), unit.headcount()))
			.toList();
		return create(contest, rounds, units).then(form(valid.slug()))
			.onErrorMap(DuplicateKeyException.class, (ex) -> ContestException.exists(valid.slug()));
	}

	/**
	 * Changes a contest: its fields, its rounds (matched by number) and units (matched by
	 * code). A round or unit the form leaves out is deleted, unless attempts or
	 * participants refer to it; then nothing changes.
	 * @param slug the contest
	 * @param form the form; its slug, if given, must be the contest's
	 * @return the contest as stored, or {@code VALIDATION_FAILED}, {@code CONTEST_IN_USE}
	 */
	@Transactional
	public Mono<ContestForm> update(String slug, ContestForm form) {
		if (form.slug() != null && !form.slug().equals(slug)) {
			throw CiviquizException.invalidFields(List.of(new FieldProblem("slug", "SLUG_FIXED")));
		}
		return this.contests.findBySlug(slug)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((existing) -> update(existing, form))
			.then(form(slug))
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> ContestException.inUse());
	}

	private Mono<Void> update(Contest existing, ContestForm form) {
		String slug = existing.slug();
		// whether it ranks decides what the form needs (a prediction question, an attempt
		// limit): left out, as it is
		ContestForm valid = new ContestForm(slug, form.title(), form.law(), form.description(), form.rules(),
				form.consentText(), form.questionBank(), form.opensAt(), form.closesAt(), form.timeLimitMinutes(),
				form.questionsPerAttempt(), form.maxAttemptsPerRound(), form.chapterQuotas(), form.predictionQuestion(),
				form.districts(), form.status(), form.rounds(), form.units(), form.phoneVerification(),
				form.reviewPolicy(), form.overdueHandling(), form.certificate(),
				(form.ranked() != null) ? form.ranked() : existing.ranked())
			.validated();
		return ((valid.consentText() != null) ? storeConsentText(valid.consentText()).map(ConsentTexts.ConsentText::id)
				: Mono.just(existing.consentTextId()))
			.flatMap((consent) -> this.contests.save(new Contest(existing.id(), slug, valid.title().strip(),
					valid.law().strip(), valid.description(), valid.rules(), valid.questionBank(), valid.opensAt(),
					valid.closesAt(), valid.timeLimitMinutes() * 60, valid.questionsPerAttempt(),
					valid.maxAttemptsPerRound(), Json.of(this.json.writeValueAsString(valid.chapterQuotas())),
					valid.predictionQuestion().strip(), valid.districts().toArray(String[]::new), valid.status(),
					consent,
					(valid.phoneVerification() != null) ? valid.phoneVerification() : existing.phoneVerification(),
					(valid.reviewPolicy() != null) ? valid.reviewPolicy() : existing.reviewPolicy(),
					(valid.overdueHandling() != null) ? valid.overdueHandling() : existing.overdueHandling(),
					(valid.certificate() != null) ? json(valid.certificate()) : existing.certificate(), valid.ranks())))
			.then(updateRounds(existing.id(), valid.rounds()))
			.then(updateUnits(existing.id(), valid.units()))
			.doOnSuccess((done) -> forget(existing.id()));
	}

	private Mono<Void> updateRounds(long contest, List<ContestForm.RoundForm> wanted) {
		return this.rounds.findByContestIdOrderByNumber(contest).collectList().flatMap((existing) -> {
			Map<Integer, Long> ids = new HashMap<>();
			existing.forEach((round) -> ids.put(round.number(), round.id()));
			Set<Integer> kept = wanted.stream().map(ContestForm.RoundForm::number).collect(Collectors.toSet());
			Flux<Round> saved = Flux.fromIterable(wanted)
				.concatMap((round) -> this.rounds.save(new Round(ids.get(round.number()), contest, round.number(),
						round.name().strip(), round.opensAt(), round.closesAt())));
			Flux<Void> deleted = Flux.fromIterable(existing)
				.filter((round) -> !kept.contains(round.number()))
				.concatMap(this.rounds::delete);
			return saved.thenMany(deleted).then();
		});
	}

	private Mono<Void> updateUnits(long contest, List<ContestForm.UnitForm> wanted) {
		return this.units.findByContestIdOrderByCode(contest).collectList().flatMap((existing) -> {
			Map<String, Long> ids = new HashMap<>();
			existing.forEach((unit) -> ids.put(unit.code(), unit.id()));
			Set<String> kept = wanted.stream().map(ContestForm.UnitForm::code).collect(Collectors.toSet());
			Flux<Unit> saved = Flux.fromIterable(wanted).concatMap((unit) -> {
				Long parent = (unit.parentCode() != null) ? ids.get(unit.parentCode()) : null;
				return this.units
					.save(new Unit(ids.get(unit.code()), contest, unit.code(), unit.name().strip(), parent,
							unit.headcount()))
					.doOnNext((savedUnit) -> ids.put(savedUnit.code(), savedUnit.id()));
			});
			List<Unit> removed = existing.stream().filter((unit) -> !kept.contains(unit.code())).toList();
			// detach first, so that removed units can go in any order
			Flux<Unit> detached = Flux.fromIterable(removed)
				.filter((unit) -> unit.parentId() != null)
				.concatMap((unit) -> this.units
					.save(new Unit(unit.id(), unit.contestId(), unit.code(), unit.name(), null, unit.headcount())));
			Flux<Void> deleted = Flux.fromIterable(removed).concatMap(this.units::delete);
			return saved.thenMany(detached).thenMany(deleted).then();
		});
	}

	/** The text given, or the default one when it is blank; stored once per version. */
	private Mono<ConsentTexts.ConsentText> storeConsentText(String text) {
		String body = (text != null) ? ConsentTexts.normalize(text) : "";
		return this.consentTexts.store(body.isEmpty() ? this.defaultConsentText : body);
	}

	/** Units with each parent before its children, as a form lists them. */
	private static List<Unit> ordered(List<Unit> units) {
		List<Unit> ordered = new ArrayList<>();
		Set<Long> placed = new HashSet<>();
		while (ordered.size() < units.size()) {
			int before = ordered.size();
			for (Unit unit : units) {
				if (!placed.contains(unit.id()) && (unit.parentId() == null || placed.contains(unit.parentId()))) {
					ordered.add(unit);
					placed.add(unit.id());
				}
			}
			if (ordered.size() == before) {
				// a parent outside the contest: keep the rest as they are
				units.stream().filter((unit) -> !placed.contains(unit.id())).forEach(ordered::add);
			}
		}
		return ordered;
	}

	private Mono<ContestSettings> toSettings(Contest contest) {
		return Mono
			.zip(this.rounds.findByContestIdOrderByNumber(contest.id()).collectList(),
					this.units.findByContestIdOrderByCode(contest.id()).collectList())
			.map((tuple) -> new ContestSettings(contest.id(), contest.slug(), contest.questionBank(), contest.opensAt(),
					contest.closesAt(), Duration.ofSeconds(contest.timeLimitSeconds()), contest.questionsPerAttempt(),
					attemptLimit(contest), quotas(contest), predictionQuestion(contest),
					Arrays.asList(contest.districts()), contest.status(), tuple.getT1(), tuple.getT2(),
					contest.phoneVerification(), contest.reviewPolicy(), contest.overdueHandling(),
					certificate(contest), contest.ranked()));
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

	private CertificateSetting certificate(Contest contest) {
		return (contest.certificate() != null)
				? this.json.readValue(contest.certificate().asString(), CertificateSetting.class)
				: CertificateSetting.OFF;
	}

	private Json json(CertificateSetting certificate) {
		// an off setting keeps what organizers typed, for when they turn it on again
		return (certificate != null) ? Json.of(this.json.writeValueAsString(certificate)) : null;
	}

	/** Attempts per round; an unranked contest's 0 is no limit. */
	private static int attemptLimit(Contest contest) {
		return (contest.maxAttemptsPerRound() == 0 && !contest.ranked()) ? Integer.MAX_VALUE
				: contest.maxAttemptsPerRound();
	}

	/**
	 * The question asked at the end of the exam: none for an unranked contest, since the
	 * prediction only separates winners (a question kept from when it ranked stays
	 * stored, for the day it ranks again).
	 */
	static String predictionQuestion(Contest contest) {
		return (contest.ranked() && !contest.predictionQuestion().isBlank()) ? contest.predictionQuestion() : null;
	}

	private Map<Integer, Integer> quotas(Contest contest) {
		return new TreeMap<>(this.json.readValue(contest.chapterQuotas().asString(), QUOTAS));
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

	private record PublicContest(Contest contest, Map<Integer, Integer> quotas, List<Round> rounds, List<Unit> units,
			ConsentTexts.ConsentText consent) {
	}

}
