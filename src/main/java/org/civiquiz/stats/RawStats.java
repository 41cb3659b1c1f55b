package org.civiquiz.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.QuestionBank;
import org.civiquiz.stats.ContestStats.DistrictFigures;
import org.civiquiz.stats.ContestStats.HourFigures;
import org.civiquiz.stats.ContestStats.ProvisionFigures;
import org.civiquiz.stats.ContestStats.QuestionFigures;
import org.civiquiz.stats.ContestStats.ScoreFigures;
import org.civiquiz.stats.ContestStats.UnitFigures;

/**
 * The counts both sources keep, PostgreSQL (exact) and Redis (live): sums and counts
 * only, so that the figures derived from them are the same whichever source they come
 * from.
 */
final class RawStats {

	long participants;

	long started;

	long submitted;

	/** Only PostgreSQL knows which open attempts ran out of time. */
	Long expired;

	/** Likewise, which submitted attempts the server submitted from their last save. */
	Long autoSubmitted;

	long durationSum;

	final long[] histogram;

	final long[] bestHistogram;

	/** Per unit code or district: participants, attempts, scored attempts, score sum. */
	final Map<String, long[]> units = new HashMap<>();

	final Map<String, long[]> districts = new HashMap<>();

	/** Per question id: how often each option (index 1..4, 0 = unanswered) was chosen. */
	final Map<Long, long[]> choices = new HashMap<>();

	/** Per epoch hour: attempts started, attempts submitted. */
	final Map<Long, long[]> hours = new TreeMap<>();

	RawStats(int perfectScore) {
		this.histogram = new long[perfectScore + 1];
		this.bestHistogram = new long[perfectScore + 1];
	}

	static long[] slot(Map<? extends Object, long[]> map, Object key, int size) {
		@SuppressWarnings("unchecked")
		Map<Object, long[]> typed = (Map<Object, long[]>) map;
		return typed.computeIfAbsent(key, (k) -> new long[size]);
	}

	ContestStats toStats(ContestSettings contest, Round round, String source, Instant at, QuestionBank bank) {
		return toStats(contest, round, contest.units(), source, at, bank);
	}

	/**
	 * The figures, with a line for each of the given units (the contest's, or a
	 * unit-scoped account's).
	 */
	ContestStats toStats(ContestSettings contest, Round round, List<Unit> units, String source, Instant at,
			QuestionBank bank) {
		List<UnitFigures> unitFigures = units.stream().sorted(Comparator.comparing(Unit::code)).map((unit) -> {
			long[] u = this.units.getOrDefault(unit.code(), new long[4]);
			Integer headcount = unit.headcount();
			return new UnitFigures(unit.code(), unit.name(), u[0], u[1], mean(u[3], u[2]), headcount,
					(headcount != null && headcount > 0) ? (double) u[0] / headcount : null);
		}).toList();
		List<DistrictFigures> districtFigures = new TreeMap<>(this.districts).entrySet()
			.stream()
			.map((entry) -> new DistrictFigures(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
					mean(entry.getValue()[3], entry.getValue()[2])))
			.toList();
		List<QuestionFigures> questions = questions(bank);
		List<HourFigures> timeline = this.hours.entrySet()
			.stream()
			.map((entry) -> new HourFigures(Instant.ofEpochSecond(entry.getKey() * 3600), entry.getValue()[0],
					entry.getValue()[1]))
			.toList();
		return new ContestStats(contest.slug(), (round != null) ? round.number() : null, source, at, this.participants,
				this.started, this.submitted, this.expired, ContestStats.share(this.started, this.participants),
				this.histogram.length - 1, this.histogram, this.bestHistogram, ScoreFigures.of(this.histogram),
				ScoreFigures.of(this.bestHistogram), mean(this.durationSum, this.submitted), unitFigures,
				districtFigures, questions, provisions(questions, true), provisions(questions, false), timeline,
				this.autoSubmitted);
	}

	/** Per question: drawn, right, and the wrong option chosen most; hardest first. */
	private List<QuestionFigures> questions(QuestionBank bank) {
		List<QuestionFigures> figures = new ArrayList<>();
		this.choices.forEach((id, chosen) -> {
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
			long[] sums = totals.computeIfAbsent(List.of(question.chapter(), byArticle ? question.article() : 0),
					(k) -> new long[2]);
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

	private static double mean(long sum, long count) {
		return (count == 0) ? 0 : (double) sum / count;
	}

}
