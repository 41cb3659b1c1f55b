package org.civiquiz.contest.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.internal.ConsentTexts;
import org.civiquiz.contest.internal.Contest;
import org.civiquiz.contest.internal.ContestRepository;
import org.civiquiz.contest.internal.ContestRows;
import org.civiquiz.contest.internal.RoundRepository;
import org.civiquiz.contest.internal.UnitRepository;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contests as organizers manage them, drafts included: read back as a form, created from
 * one (through the contest service, as every contest is), changed with their rounds and
 * units.
 */
@Service
class AdminContestService {

	private final ContestService contestService;

	private final ContestRepository contests;

	private final RoundRepository rounds;

	private final UnitRepository units;

	private final ConsentTexts consentTexts;

	private final ContestRows rows;

	AdminContestService(ContestService contestService, ContestRepository contests, RoundRepository rounds,
			UnitRepository units, ConsentTexts consentTexts, ContestRows rows) {
		this.contestService = contestService;
		this.contests = contests;
		this.rounds = rounds;
		this.units = units;
		this.consentTexts = consentTexts;
		this.rows = rows;
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
				.map((tuple) -> ContestForm.of(contest, this.rows.quotas(contest), tuple.getT1(),
						ordered(tuple.getT2()), tuple.getT3(), this.rows.certificate(contest))));
	}

	/**
	 * Creates a contest from an organizer's form, with its rounds and units.
	 * @param form the form
	 * @return the contest as stored, or {@code VALIDATION_FAILED}, {@code CONTEST_EXISTS}
	 */
	@Transactional
	Mono<ContestForm> create(ContestForm form) {
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
		return this.contestService.create(contest, rounds, units)
			.then(form(valid.slug()))
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
	Mono<ContestForm> update(String slug, ContestForm form) {
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
		return ((valid.consentText() != null)
				? this.consentTexts.storeOrDefault(valid.consentText()).map(ConsentTexts.ConsentText::id)
				: Mono.just(existing.consentTextId()))
			.flatMap((consent) -> this.contests.save(
					new Contest(existing.id(), slug, valid.title().strip(), valid.law().strip(), valid.description(),
							valid.rules(), valid.questionBank(), valid.opensAt(), valid.closesAt(),
							valid.timeLimitMinutes() * 60, valid.questionsPerAttempt(), valid.maxAttemptsPerRound(),
							this.rows.json(valid.chapterQuotas()), valid.predictionQuestion().strip(),
							valid.districts().toArray(String[]::new), valid.status(), consent,
							(valid.phoneVerification() != null) ? valid.phoneVerification()
									: existing.phoneVerification(),
							(valid.reviewPolicy() != null) ? valid.reviewPolicy() : existing.reviewPolicy(),
							(valid.overdueHandling() != null) ? valid.overdueHandling() : existing.overdueHandling(),
							(valid.certificate() != null) ? this.rows.json(valid.certificate())
									: existing.certificate(),
							valid.ranks())))
			.then(updateRounds(existing.id(), valid.rounds()))
			.then(updateUnits(existing.id(), valid.units()))
			.doOnSuccess((done) -> this.contestService.forget(existing.id()));
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

}
