package org.civiquiz.stats;

import java.time.Instant;
import java.util.List;

/**
 * A contest's figures, for one round or the whole contest.
 *
 * @param contest the contest slug
 * @param round the round number, or {@code null} for the whole contest
 * @param source {@code exact} (PostgreSQL) or {@code live} (Redis)
 * @param computedAt when the figures were taken
 * @param participants distinct people who started at least one attempt
 * @param attemptsStarted attempts started
 * @param attemptsSubmitted attempts submitted
 * @param attemptsExpired attempts whose time ran out unsubmitted (exact figures only:
 * {@code null} in live ones)
 * @param attemptsPerParticipant started attempts per person
 * @param questionsPerAttempt the perfect score
 * @param scoreHistogram submitted attempts per score, index = score
 * @param bestScoreHistogram people per best score, index = score
 * @param attempts the score figures over submitted attempts
 * @param bestAttempts the score figures over each person's best attempt
 * @param meanDurationMs mean time of submitted attempts
 * @param units per unit
 * @param districts per district
 * @param questions per question, hardest first
 * @param articles per article, hardest first
 * @param chapters per chapter, in order
 * @param timeline per hour
 * @param attemptsAutoSubmitted of the attempts submitted, those the server submitted from
 * their last save when their time ran out (exact figures only: {@code null} in live ones)
 */
public record ContestStats(String contest, Integer round, String source, Instant computedAt, long participants,
		long attemptsStarted, long attemptsSubmitted, Long attemptsExpired, double attemptsPerParticipant,
		int questionsPerAttempt, long[] scoreHistogram, long[] bestScoreHistogram, ScoreFigures attempts,
		ScoreFigures bestAttempts, double meanDurationMs, List<UnitFigures> units, List<DistrictFigures> districts,
		List<QuestionFigures> questions, List<ProvisionFigures> articles, List<ProvisionFigures> chapters,
		List<HourFigures> timeline, Long attemptsAutoSubmitted) {

	/**
	 * Score figures over a set of results, as the reference campaign reported them.
	 *
	 * @param count how many results
	 * @param perfect how many have every answer right (20/20)
	 * @param perfectShare {@code perfect / count}
	 * @param atLeast15 how many have at least 15 right
	 * @param atLeast15Share {@code atLeast15 / count}
	 * @param mean mean score
	 * @param median median score
	 */
	public record ScoreFigures(long count, long perfect, double perfectShare, long atLeast15, double atLeast15Share,
			double mean, double median) {

		static ScoreFigures of(long[] histogram) {
			long count = 0;
			long sum = 0;
			for (int score = 0; score < histogram.length; score++) {
				count += histogram[score];
				sum += score * histogram[score];
			}
			int perfectScore = histogram.length - 1;
			long perfect = histogram[perfectScore];
			long atLeast15 = 0;
			for (int score = Math.min(15, perfectScore); score <= perfectScore; score++) {
				atLeast15 += histogram[score];
			}
			return new ScoreFigures(count, perfect, share(perfect, count), atLeast15, share(atLeast15, count),
					(count == 0) ? 0 : (double) sum / count, median(histogram, count));
		}

		private static double median(long[] histogram, long count) {
			if (count == 0) {
				return 0;
			}
			return (valueAt(histogram, (count - 1) / 2) + valueAt(histogram, count / 2)) / 2.0;
		}

		private static int valueAt(long[] histogram, long index) {
			long seen = 0;
			for (int score = 0; score < histogram.length; score++) {
				seen += histogram[score];
				if (seen > index) {
					return score;
				}
			}
			return histogram.length - 1;
		}

	}

	static double share(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	/**
	 * @param code unit code
	 * @param name unit name
	 * @param participants distinct people
	 * @param attempts attempts started
	 * @param meanScore mean score of submitted attempts
	 * @param headcount the unit's size, when known
	 * @param participationRate {@code participants / headcount}, when the headcount is
	 * known
	 */
	public record UnitFigures(String code, String name, long participants, long attempts, double meanScore,
			Integer headcount, Double participationRate) {
	}

	/**
	 * @param district the district
	 * @param participants distinct people
	 * @param attempts attempts started
	 * @param meanScore mean score of submitted attempts
	 */
	public record DistrictFigures(String district, long participants, long attempts, double meanScore) {
	}

	/**
	 * @param id question id
	 * @param code the bank's code
	 * @param chapter chapter of the law
	 * @param article article of the law
	 * @param text the stem
	 * @param drawn times it was in a submitted attempt
	 * @param correct times it was answered right
	 * @param correctRate {@code correct / drawn}
	 * @param mostChosenWrongOption the wrong option chosen most often, or {@code null}
	 * @param mostChosenWrongCount how often
	 */
	public record QuestionFigures(long id, String code, int chapter, int article, String text, long drawn, long correct,
			double correctRate, String mostChosenWrongOption, long mostChosenWrongCount) {
	}

	/**
	 * An article or a chapter of the law.
	 *
	 * @param chapter the chapter
	 * @param article the article, {@code null} for a chapter
	 * @param drawn questions on it in submitted attempts
	 * @param correctRate share answered right
	 */
	public record ProvisionFigures(int chapter, Integer article, long drawn, double correctRate) {
	}

	/**
	 * @param hour the hour (UTC)
	 * @param started attempts started in it
	 * @param submitted attempts submitted in it
	 */
	public record HourFigures(Instant hour, long started, long submitted) {
	}

}
