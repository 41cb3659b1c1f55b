package org.civiquiz.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import org.civiquiz.stats.ContestStats.DistrictFigures;
import org.civiquiz.stats.ContestStats.HourFigures;
import org.civiquiz.stats.ContestStats.ProvisionFigures;
import org.civiquiz.stats.ContestStats.QuestionFigures;
import org.civiquiz.stats.ContestStats.ScoreFigures;
import org.civiquiz.stats.ContestStats.UnitFigures;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The figures as PostgreSQL has them: the reference every other view is checked against.
 * A handful of aggregate queries, run concurrently.
 */
@Component
class ExactStats {

	/** Attempts in scope: the contest, and the round when one is asked for. */
	private static final String SCOPE = "a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)";

	private final DatabaseClient database;

	private final QuestionBankService banks;

	private final ExamProperties exam;

	private final Clock clock;

	ExactStats(DatabaseClient database, QuestionBankService banks, ExamProperties exam, Clock clock) {
		this.database = database;
		this.banks = banks;
		this.exam = exam;
		this.clock = clock;
	}

	Mono<ContestStats> compute(ContestSettings contest, Round round) {
		Instant now = this.clock.instant();
		int perfect = contest.questionsPerAttempt();
		Mono<Map<String, Object>> totals = sql(
				"""
						select count(*) as started,
						       count(*) filter (where a.status = 'SUBMITTED') as submitted,
						       count(*) filter (where a.status = 'EXPIRED' or (a.status = 'OPEN' and a.deadline < :overdue)) as expired,
						       count(distinct a.participant_id) as participants,
						       coalesce(avg(a.duration_ms) filter (where a.status = 'SUBMITTED'), 0) as mean_duration
						from attempt a where %s
						"""
					.formatted(SCOPE),
				contest, round)
			.bind("overdue", now.minus(this.exam.submissionGrace()))
			.fetch()
			.one();
		Mono<long[]> histogram = histogram(sql("""
				select a.score, count(*) as n from attempt a
				where %s and a.status = 'SUBMITTED' group by a.score
				""".formatted(SCOPE), contest, round), perfect);
		Mono<long[]> best = histogram(sql("""
				select best as score, count(*) as n from (
				    select max(a.score) as best from attempt a
				    where %s and a.status = 'SUBMITTED' group by a.participant_id) people
				group by best
				""".formatted(SCOPE), contest, round), perfect);
		Mono<List<UnitFigures>> units = sql("""
				select u.code, u.name, u.headcount,
				       count(distinct a.participant_id) as participants, count(a.id) as attempts,
				       coalesce(avg(a.score) filter (where a.status = 'SUBMITTED'), 0) as mean_score
				from unit u
				left join participant p on p.unit_id = u.id
				left join attempt a on a.participant_id = p.id and %s
				where u.contest_id = :contest
				group by u.code, u.name, u.headcount order by u.code
				""".formatted(SCOPE), contest, round).map((row, meta) -> {
			long participants = row.get("participants", Long.class);
			Integer headcount = row.get("headcount", Integer.class);
			return new UnitFigures(row.get("code", String.class), row.get("name", String.class), participants,
					row.get("attempts", Long.class), number(row.get("mean_score")), headcount,
					(headcount != null && headcount > 0) ? (double) participants / headcount : null);
		}).all().collectList();
		Mono<List<DistrictFigures>> districts = sql("""
				select p.district, count(distinct a.participant_id) as participants, count(a.id) as attempts,
				       coalesce(avg(a.score) filter (where a.status = 'SUBMITTED'), 0) as mean_score
				from attempt a join participant p on p.id = a.participant_id
				where %s group by p.district order by p.district
				""".formatted(SCOPE), contest, round)
			.map((row, meta) -> new DistrictFigures(row.get("district", String.class),
					row.get("participants", Long.class), row.get("attempts", Long.class),
					number(row.get("mean_score"))))
			.all()
			.collectList();
		Mono<Map<Long, long[]>> choices = sql("""
				select x.question_id, x.answer, count(*) as n
				from attempt a, unnest(a.question_ids, a.answers) as x(question_id, answer)
				where %s and a.status = 'SUBMITTED' group by x.question_id, x.answer
				""".formatted(SCOPE), contest, round)
			.map((row,
					meta) -> new long[] { row.get("question_id", Long.class), row.get("answer", Short.class),
							row.get("n", Long.class) })
			.all()
			.collect(HashMap::new,
					(map, choice) -> map.computeIfAbsent(choice[0], (id) -> new long[5])[(int) choice[1]] += choice[2]);
		Mono<List<HourFigures>> timeline = sql("""
				select hour, sum(started) as started, sum(submitted) as submitted from (
				    select date_trunc('hour', a.started_at) as hour, 1 as started, 0 as submitted
				    from attempt a where %s
				    union all
				    select date_trunc('hour', a.submitted_at), 0, 1
				    from attempt a where %s and a.status = 'SUBMITTED') events
				group by hour order by hour
				""".formatted(SCOPE, SCOPE), contest, round)
			.map((row, meta) -> new HourFigures(row.get("hour", Instant.class), number(row.get("started")).longValue(),
					number(row.get("submitted")).longValue()))
			.all()
			.collectList();
		Mono<QuestionBank> bank = this.banks.bank(contest.questionBank());
		return Mono.zip(totals, histogram, best, units, districts, choices, timeline, bank).map((t) -> {
			Map<String, Object> total = t.getT1();
			long participants = (Long) total.get("participants");
			long started = (Long) total.get("started");
			List<QuestionFigures> questions = questions(t.getT6(), t.getT8());
			return new ContestStats(contest.slug(), (round != null) ? round.number() : null, "exact", now, participants,
					started, (Long) total.get("submitted"), (Long) total.get("expired"),
					ContestStats.share(started, participants), perfect, t.getT2(), t.getT3(),
					ScoreFigures.of(t.getT2()), ScoreFigures.of(t.getT3()), number(total.get("mean_duration")),
					t.getT4(), t.getT5(), questions, provisions(questions, true), provisions(questions, false),
					t.getT7());
		});
	}

	private DatabaseClient.GenericExecuteSpec sql(String sql, ContestSettings contest, Round round) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql).bind("contest", contest.id());
		return (round != null) ? spec.bind("round", round.id()) : spec.bindNull("round", Long.class);
	}

	private static Mono<long[]> histogram(DatabaseClient.GenericExecuteSpec spec, int perfect) {
		return spec.map((row, meta) -> new long[] { row.get("score", Short.class), row.get("n", Long.class) })
			.all()
			.collect(() -> new long[perfect + 1], (histogram, bucket) -> histogram[(int) bucket[0]] += bucket[1]);
	}

	/** Per question: drawn, right, and the wrong option chosen most; hardest first. */
	private static List<QuestionFigures> questions(Map<Long, long[]> choices, QuestionBank bank) {
		List<QuestionFigures> figures = new ArrayList<>();
		choices.forEach((id, chosen) -> {
			BankQuestion question = bank.question(id);
			if (question == null) {
				return;
			}
			long drawn = 0;
			for (long count : chosen) {
				drawn += count;
			}
			long correct = chosen[question.correctOption()];
			int wrong = 0;
			for (int option = 1; option <= 4; option++) {
				if (option != question.correctOption() && chosen[option] > 0
						&& (wrong == 0 || chosen[option] > chosen[wrong])) {
					wrong = option;
				}
			}
			figures.add(new QuestionFigures(id, question.code(), question.chapter(), question.article(),
					question.text(), drawn, correct, ContestStats.share(correct, drawn),
					(wrong == 0) ? null : question.option(wrong), (wrong == 0) ? 0 : chosen[wrong]));
		});
		figures.sort(Comparator.comparingDouble(QuestionFigures::correctRate).thenComparing(QuestionFigures::code));
		return figures;
	}

	/** Per article (hardest first) or per chapter (in order). */
	private static List<ProvisionFigures> provisions(List<QuestionFigures> questions, boolean byArticle) {
		Map<List<Integer>, long[]> totals = new TreeMap<>(
				Comparator.<List<Integer>>comparingInt((key) -> key.get(0)).thenComparingInt((key) -> key.get(1)));
		for (QuestionFigures question : questions) {
			List<Integer> key = List.of(question.chapter(), byArticle ? question.article() : 0);
			long[] sums = totals.computeIfAbsent(key, (k) -> new long[2]);
			sums[0] += question.drawn();
			sums[1] += question.correct();
		}
		List<ProvisionFigures> figures = new ArrayList<>();
		totals.forEach((key, sums) -> figures.add(new ProvisionFigures(key.get(0), byArticle ? key.get(1) : null,
				sums[0], ContestStats.share(sums[1], sums[0]))));
		if (byArticle) {
			figures.sort(Comparator.comparingDouble(ProvisionFigures::correctRate));
		}
		return figures;
	}

	private static Double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : 0.0;
	}

}
