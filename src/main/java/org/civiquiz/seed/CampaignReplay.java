package org.civiquiz.seed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.civiquiz.award.FinalizationService;
import org.civiquiz.award.PrizePlanService;
import org.civiquiz.award.WinnersList;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamService;
import org.civiquiz.exam.ReadModelReconciler;
import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.participant.Registration;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import org.civiquiz.seed.ReplayPlan.Person;
import org.civiquiz.seed.ReplayPlan.Planned;
import org.civiquiz.seed.ReplayPlan.Plan;
import org.civiquiz.stats.ContestStats;
import org.civiquiz.stats.ItemAnalysis;
import org.civiquiz.stats.ItemAnalysisService;
import org.civiquiz.stats.StatsService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Replays the reference campaign into a closed demo contest: every participant registers,
 * starts and submits through the exam's own services (so every rule and every write path
 * is the real one), four weekly rounds long. The exam stamps attempts with the time they
 * are taken, so afterwards the attempts are moved to the times, rounds and durations the
 * plan spreads them over, and the contest is closed and its leaderboards rebuilt. Each
 * entrant answers question by question ({@link ReplayAnswers}), from the replay's own
 * copy of the bank in which one question's key is planted wrong ({@link ReplayBank}); the
 * item analysis that follows should flag it {@code MAYBE_WRONG_KEY}.
 */
@Service
public class CampaignReplay {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int ROUNDS = 4;

	/** Who the replay's plan and lists are recorded as set and finalized by. */
	private static final String ACTOR = "replay";

	/** Longer than any start and submission take, even on a loaded machine. */
	private static final Duration TAKE_TIMEOUT = Duration.ofMinutes(2);

	private final ContestService contests;

	private final ExamService exams;

	private final QuestionBankService banks;

	private final ReadModelReconciler readModels;

	private final StatsService stats;

	private final DatabaseClient database;

	private final PrizePlanService prizePlans;

	private final FinalizationService awards;

	private final Clock clock;

	private final ItemAnalysisService items;

	CampaignReplay(ContestService contests, ExamService exams, QuestionBankService banks,
			ReadModelReconciler readModels, StatsService stats, PrizePlanService prizePlans, FinalizationService awards,
			DatabaseClient database, Clock clock, ItemAnalysisService items) {
		this.items = items;
		this.contests = contests;
		this.prizePlans = prizePlans;
		this.awards = awards;
		this.exams = exams;
		this.banks = banks;
		this.readModels = readModels;
		this.stats = stats;
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Replays the campaign at the given scale (1 = its real size) into a new contest.
	 * @param slug the new contest's slug
	 * @param scale 1 for 20,900 people and 29,600 attempts
	 * @param concurrency how many participants take their exams at once
	 * @param bankCsv the bundled question bank's CSV, whose copy with a planted wrong key
	 * ({@link ReplayBank}) is imported first (idempotent, and marking the copy public: it
	 * is the shipped file's, but for the one key) so that the replay does not depend on
	 * the seed
	 * @return the plan's totals, the figures PostgreSQL reports afterwards and the item
	 * analysis
	 */
	public Mono<ReplayReport> replay(String slug, double scale, int concurrency, byte[] bankCsv) {
		Instant now = this.clock.instant();
		Instant opens = LocalDate.now(this.clock.withZone(VIETNAM))
			.minusWeeks(ROUNDS + 1)
			.atStartOfDay(VIETNAM)
			.toInstant();
		List<NewUnit> units = HaiPhong.units();
		Plan plan = ReplayPlan.plan(scale, opens, ROUNDS, units.stream().skip(1).map(NewUnit::code).toList(),
				HaiPhong.DISTRICTS, 2024);
		// while it runs the last round stays open, so that the exam accepts the attempts
		List<NewRound> rounds = IntStream.rangeClosed(1, ROUNDS)
			.mapToObj((week) -> new NewRound(week, "Tuần " + week, week(opens, week - 1),
					(week == ROUNDS) ? now.plus(Duration.ofHours(6)) : week(opens, week)))
			.toList();
		NewContest contest = new NewContest(slug, "Tái hiện cuộc thi tìm hiểu Luật Hợp tác xã năm 2023 (2024)",
				"Luật Hợp tác xã số 17/2023/QH15", "Dữ liệu mô phỏng theo số liệu công bố của cuộc thi năm 2024.", "",
				ReplayBank.NAME, opens, now.plus(Duration.ofHours(6)), Duration.ofMinutes(20), 20, 3,
				Map.of(1, 3, 2, 2, 3, 1, 4, 3, 5, 3, 6, 3, 7, 2),
				"Theo bạn, trong tuần thi này sẽ có bao nhiêu lượt bài thi trả lời đúng cả 20/20 câu hỏi?",
				HaiPhong.DISTRICTS, ContestStatus.OPEN);
		ReplayBank.Copy copy = ReplayBank.withWrongKey(bankCsv);
		ScorePool scores = new ScorePool(plan.participants()
			.stream()
			.flatMap((person) -> person.attempts().stream())
			.map(Planned::score)
			.toList(), 20);
		long started = System.nanoTime();
		return this.banks.importBundled(ReplayBank.NAME, copy.csv())
			.then(this.contests.create(contest, rounds, units))
			.flatMap((created) -> this.prizePlans.updatePlan(slug, ReferenceContestSeeder.PRIZE_PLAN, ACTOR)
				.thenReturn(created))
			.flatMap((created) -> this.banks.bank(created.questionBank())
				.flatMap((bank) -> Flux.fromIterable(plan.participants())
					.flatMap((person) -> Flux.fromIterable(person.attempts())
						.concatMap((planned) -> take(slug, bank, copy, scores, person, planned)), concurrency)
					.buffer(1000)
					.concatMap((batch) -> move(created, batch))
					.then(close(created, week(opens, ROUNDS)))))
			.then(this.contests.settings(slug))
			.flatMap(this.readModels::rebuild)
			.then(this.stats.exact(slug, null))
			.flatMap((figures) -> {
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				long analysing = System.nanoTime();
				return this.items.analyse(slug, null)
					.map((analysis) -> new ReplayReport(plan.people(), plan.attempts(), plan.perfect(),
							plan.atLeast15(), took, figures, copy.planted(), analysis,
							Duration.ofNanos(System.nanoTime() - analysing)));
			});
	}

	private Mono<Taken> take(String slug, QuestionBank bank, ReplayBank.Copy copy, ScorePool scores, Person person,
			Planned planned) {
		Registration registration = new Registration(person.fullName(), person.phone(), person.unitCode(),
				person.district(), person.birthYear(), null, null, true);
		Mono<Taken> taken = this.exams.start(slug, registration, new ExamService.ClientInfo(null, "civiquiz-replay"))
			.flatMap((attempt) -> {
				Random random = new Random(attempt.attemptId().getMostSignificantBits());
				List<ReplayAnswers.Drawn> drawn = attempt.questions().stream().map((question) -> {
					BankQuestion inBank = bank.question(question.id());
					int truth = inBank.code().equals(copy.planted()) ? copy.truth() : inBank.correctOption();
					return new ReplayAnswers.Drawn(question.id(), inBank.code(), inBank.correctOption(), truth);
				}).toList();
				int score = scores.take(planned.score(), drawn.stream().anyMatch(ReplayAnswers.Drawn::planted), random);
				int[] chosen = ReplayAnswers.answers(drawn, score, random);
				List<SubmissionRequest.Answer> answers = new ArrayList<>();
				for (int i = 0; i < chosen.length; i++) {
					answers.add(new SubmissionRequest.Answer(drawn.get(i).id(), (chosen[i] != 0) ? chosen[i] : null));
				}
				return this.exams
					.submit(attempt.attemptId(), attempt.token(), new SubmissionRequest(answers, planned.prediction()))
					.map((result) -> {
						if (result.score() != score) {
							throw new IllegalStateException("meant " + score + ", scored " + result.score());
						}
						return new Taken(attempt, planned);
					});
			});
		// one that never answers fails the replay, saying whose it was, instead of
		// leaving it waiting (it once did, for two attempts of 29,600)
		return taken.timeout(TAKE_TIMEOUT,
				Mono.error(() -> new IllegalStateException("no answer in " + TAKE_TIMEOUT.toSeconds()
						+ " s to the attempt of " + person.phone() + " planned at " + planned.startedAt())));
	}

	/**
	 * Finalizes the winners of every round of a replayed contest, then of the whole
	 * contest, as an award committee would once it has closed.
	 * @param slug the replayed contest
	 * @return the lists, in the order finalized
	 */
	public Flux<WinnersList> finalizeAll(String slug) {
		return this.contests.settings(slug)
			.flatMapMany((contest) -> Flux.concat(
					Flux.fromIterable(contest.rounds())
						.concatMap((round) -> this.awards.finalizeList(slug, round.number(), ACTOR)),
					this.awards.finalizeList(slug, null, ACTOR)));
	}

	/** Moves a batch of attempts to their planned round, time and duration. */
	private Mono<Long> move(ContestSettings contest, List<Taken> batch) {
		return this.exams.backdate(batch.stream()
			.map((taken) -> new ExamService.Backdated(taken.attempt().attemptId(),
					contest.roundNumbered(taken.planned().round()).orElseThrow().id(), taken.planned().startedAt(),
					taken.planned().duration()))
			.toList());
	}

	/** The last round and the contest end when the plan says; the contest is closed. */
	private Mono<Long> close(ContestSettings contest, Instant closes) {
		return this.database
			.sql("update contest_round set closes_at = :closes where contest_id = :contest and number = :n")
			.bind("closes", closes)
			.bind("contest", contest.id())
			.bind("n", ROUNDS)
			.fetch()
			.rowsUpdated()
			.then(this.database.sql("update contest set closes_at = :closes, status = 'CLOSED' where id = :contest")
				.bind("closes", closes)
				.bind("contest", contest.id())
				.fetch()
				.rowsUpdated())
			// the settings cached while it ran still say open: the finalization that
			// follows must see it closed (it refused to, now and then)
			.doOnSuccess((rows) -> this.contests.forget(contest.id()));
	}

	private static Instant week(Instant opens, int weeks) {
		return opens.plus(Duration.ofDays(7L * weeks));
	}

	private record Taken(AttemptStarted attempt, Planned planned) {
	}

	/**
	 * What a replay did.
	 *
	 * @param people people planned
	 * @param attempts attempts planned
	 * @param perfect attempts planned at 20/20
	 * @param atLeast15 attempts planned at 15/20 or more
	 * @param took how long it took
	 * @param figures what PostgreSQL reports afterwards
	 * @param planted the code of the question whose key the replay's bank plants wrong
	 * @param items the item analysis of the replayed contest
	 * @param itemsTook how long the item analysis took
	 */
	public record ReplayReport(int people, int attempts, int perfect, int atLeast15, Duration took,
			ContestStats figures, String planted, ItemAnalysis items, Duration itemsTook) {
	}

}
