package org.civiquiz.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and creates contests. Settings are cached per replica for a few seconds: the exam
 * reads them on every start and submission, and they change rarely.
 */
@Service
public class ContestService {

	private static final TypeReference<Map<Integer, Integer>> QUOTAS = new TypeReference<>() {
	};

	private final ContestRepository contests;

	private final RoundRepository rounds;

	private final UnitRepository units;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<String, Long> idsBySlug = new ConcurrentHashMap<>();

	private final Map<Long, Mono<ContestSettings>> settingsById = new ConcurrentHashMap<>();

	ContestService(ContestRepository contests, RoundRepository rounds, UnitRepository units, JsonMapper json,
			Clock clock, ContestProperties properties) {
		this.contests = contests;
		this.rounds = rounds;
		this.units = units;
		this.json = json;
		this.clock = clock;
		this.cacheTtl = properties.cacheTtl();
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

	Mono<ContestDetails> details(String slug) {
		return this.contests.findBySlug(slug)
			.filter((contest) -> contest.status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> Mono
				.zip(this.rounds.findByContestIdOrderByNumber(contest.id()).collectList(),
						this.units.findByContestIdOrderByCode(contest.id()).collectList())
				.map((tuple) -> ContestDetails.of(contest, quotas(contest), tuple.getT1(), tuple.getT2(),
						this.clock.instant())));
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
		Contest entity = new Contest(null, contest.slug(), contest.title(), contest.law(), contest.description(),
				contest.rules(), contest.questionBank(), contest.opensAt(), contest.closesAt(),
				(int) contest.timeLimit().toSeconds(), contest.questionsPerAttempt(), contest.maxAttemptsPerRound(),
				Json.of(this.json.writeValueAsString(contest.chapterQuotas())), contest.predictionQuestion(),
				contest.districts().toArray(String[]::new), contest.status());
		return this.contests.save(entity).flatMap((saved) -> {
			Flux<Round> savedRounds = Flux.fromIterable(rounds)
				.concatMap((round) -> this.rounds.save(
						new Round(null, saved.id(), round.number(), round.name(), round.opensAt(), round.closesAt())));
			Map<String, Long> idsByCode = new ConcurrentHashMap<>();
			Flux<Unit> savedUnits = Flux.fromIterable(units)
				.concatMap((unit) -> this.units
					.save(new Unit(null, saved.id(), unit.code(), unit.name(),
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
					contest.maxAttemptsPerRound(), quotas(contest), contest.predictionQuestion(),
					Arrays.asList(contest.districts()), contest.status(), tuple.getT1(), tuple.getT2()));
	}

	private Map<Integer, Integer> quotas(Contest contest) {
		return new TreeMap<>(this.json.readValue(contest.chapterQuotas().asString(), QUOTAS));
	}

	/**
	 * A contest to create.
	 */
	public record NewContest(String slug, String title, String law, String description, String rules,
			String questionBank, Instant opensAt, Instant closesAt, Duration timeLimit, int questionsPerAttempt,
			int maxAttemptsPerRound, Map<Integer, Integer> chapterQuotas, String predictionQuestion,
			List<String> districts, ContestStatus status) {
	}

	public record NewRound(int number, String name, Instant opensAt, Instant closesAt) {
	}

	public record NewUnit(String code, String name, String parentCode, Integer headcount) {
	}

}
