package org.civiquiz.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.civiquiz.contest.ContestService;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.question.QuestionBankService;
import org.civiquiz.stats.ItemAnalysis.Counts;
import org.civiquiz.stats.ItemAnalysis.Item;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Item analysis of a contest's question bank over its submitted attempts (the whole
 * contest or one round), computed by PostgreSQL in one statement, so in one snapshot.
 * Correctness is judged against the bank's keys as they are now, the attempt's score too:
 * once an organizer corrects a key the analysis shows the corrected figures (stored
 * scores are not changed by it).
 */
@Service
public class ItemAnalysisService {

	/**
	 * Per question: attempts that drew it, answered it right, the sums the item–rest
	 * Pearson correlation is made of, what was chosen, and what the top quarter chose.
	 * The attempts' answers are first counted by question, answer and rest score (the
	 * score on the attempt's other questions), a few thousand cells; the top quarter is
	 * then read off each question's rest scores from the top.
	 */
	private static final String SQL = """
			with k as (
			    select * from unnest(cast(:ids as bigint[]), cast(:keys as smallint[])) as k(question_id, correct_option)
			), answered as (
			    select a.id as attempt_id, x.question_id, x.answer,
			           case when x.answer = k.correct_option then 1 else 0 end as correct
			    from attempt_record a
			    cross join lateral unnest(a.question_ids, a.answers) as x(question_id, answer)
			    left join k on k.question_id = x.question_id
			    where a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)
			      and a.status = 'SUBMITTED'
			), cells as (
			    select question_id, answer, correct, rest, count(*) as n from (
			        select question_id, answer, correct, sum(correct) over (partition by attempt_id) - correct as rest
			        from answered) scored
			    group by question_id, answer, correct, rest
			), levels as (
			    select question_id, rest,
			           sum(sum(n)) over (partition by question_id order by rest desc) - sum(n) as higher,
			           sum(sum(n)) over (partition by question_id) as drawn
			    from cells group by question_id, rest
			), sums as (
			    select c.question_id, sum(c.n) as n, sum(c.n * c.correct) as sc, sum(c.n * c.rest) as sr,
			           sum(c.n * c.rest * c.rest) as srr, sum(c.n * c.correct * c.rest) as scr,
			           sum(c.n) filter (where c.answer = 0) as a0, sum(c.n) filter (where c.answer = 1) as a1,
			           sum(c.n) filter (where c.answer = 2) as a2, sum(c.n) filter (where c.answer = 3) as a3,
			           sum(c.n) filter (where c.answer = 4) as a4,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0)) as top,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0) and c.answer = 0) as t0,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0) and c.answer = 1) as t1,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0) and c.answer = 2) as t2,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0) and c.answer = 3) as t3,
			           sum(c.n) filter (where l.higher < ceil(l.drawn / 4.0) and c.answer = 4) as t4
			    from cells c join levels l on l.question_id = c.question_id and l.rest = c.rest
			    group by c.question_id
			)
			select question_id, n as drawn, sc as correct,
			       cast((n * scr - sc * sr) / nullif(sqrt((n * sc - sc * sc) * (n * srr - sr * sr)), 0) as double precision)
			           as discrimination,
			       a0, a1, a2, a3, a4, top, t0, t1, t2, t3, t4, null as attempts
			from sums
			union all
			-- the attempts analysed, drawn question of the bank or not
			select null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, count(*)
			from attempt_record a
			where a.contest_id = :contest and (cast(:round as bigint) is null or a.round_id = :round)
			  and a.status = 'SUBMITTED'
			""";

	private final ContestService contests;

	private final QuestionBankService banks;

	private final DatabaseClient database;

	private final Clock clock;

	ItemAnalysisService(ContestService contests, QuestionBankService banks, DatabaseClient database, Clock clock) {
		this.contests = contests;
		this.banks = banks;
		this.database = database;
		this.clock = clock;
	}

	/**
	 * The item analysis of a contest's bank.
	 * @param slug the contest
	 * @param round a round number, or {@code null} for the whole contest
	 * @return one item per question, by code; {@code CONTEST_NOT_FOUND} or
	 * {@code ROUND_NOT_FOUND} when there is no such contest or round
	 */
	public Mono<ItemAnalysis> analyse(String slug, Integer round) {
		return StatsScope.resolve(this.contests, slug, round)
			.flatMap((scope) -> this.banks.bank(scope.contest().questionBank())
				.flatMap((bank) -> count(scope, bank).map((counted) -> {
					Set<Long> active = bank.questions().stream().map(BankQuestion::id).collect(Collectors.toSet());
					List<Item> items = bank.withRetired()
						.stream()
						.filter((question) -> active.contains(question.id())
								|| counted.byQuestion().containsKey(question.id()))
						.sorted(Comparator.comparing(BankQuestion::code).thenComparing(BankQuestion::id))
						.map((question) -> Item.of(question, active.contains(question.id()),
								counted.byQuestion().getOrDefault(question.id(), Counts.NONE)))
						.toList();
					return new ItemAnalysis(slug, round, counted.attempts(), counted.at(), items);
				})));
	}

	private Mono<Counted> count(StatsScope scope, QuestionBank bank) {
		return Mono.defer(() -> countOnce(scope, bank));
	}

	private Mono<Counted> countOnce(StatsScope scope, QuestionBank bank) {
		Instant at = this.clock.instant();
		List<BankQuestion> questions = List.copyOf(bank.withRetired());
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(SQL)
			.bind("ids", questions.stream().map(BankQuestion::id).toArray(Long[]::new))
			.bind("keys", questions.stream().map((question) -> (short) question.correctOption()).toArray(Short[]::new))
			.bind("contest", scope.contest().id());
		spec = (scope.round() != null) ? spec.bind("round", scope.round().id()) : spec.bindNull("round", Long.class);
		Map<Long, Counts> byQuestion = new HashMap<>();
		long[] attempts = new long[1];
		return spec.map((row, meta) -> {
			Long question = row.get("question_id", Long.class);
			if (question == null) {
				attempts[0] = number(row, "attempts");
			}
			else {
				byQuestion.put(question, counts(row));
			}
			return true;
		}).all().then(Mono.fromSupplier(() -> new Counted(attempts[0], at, byQuestion)));
	}

	private static Counts counts(Readable row) {
		long[] options = new long[5];
		long[] top = new long[5];
		for (int answer = 0; answer <= 4; answer++) {
			options[answer] = number(row, "a" + answer);
			top[answer] = number(row, "t" + answer);
		}
		return new Counts(number(row, "drawn"), number(row, "correct"), row.get("discrimination", Double.class),
				options, number(row, "top"), top);
	}

	private static long number(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

	private record Counted(long attempts, Instant at, Map<Long, Counts> byQuestion) {
	}

}
