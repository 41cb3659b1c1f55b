package org.civiquiz.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.civiquiz.question.BankQuestion;

/**
 * How each question of a contest's bank fared in the submitted attempts: how often it was
 * drawn and answered right, whether it tells stronger entrants from weaker ones, how
 * often each option was chosen, and the flags that say which questions to look at.
 *
 * @param contest the contest's slug
 * @param round the round number, or {@code null} for the whole contest
 * @param attempts the submitted attempts analysed
 * @param computedAt when PostgreSQL's snapshot was read
 * @param items one per question of the bank (active, or retired but drawn), by code
 */
public record ItemAnalysis(String contest, Integer round, long attempts, Instant computedAt, List<Item> items) {

	/** Above this share answered right, a question is {@link Flag#TOO_EASY}. */
	static final double TOO_EASY = 0.95;

	/** Below this share answered right, a question is {@link Flag#TOO_HARD}. */
	static final double TOO_HARD = 0.20;

	/**
	 * A wrong option chosen by fewer than this share of the attempts that drew its
	 * question is {@link Flag#UNUSED_DISTRACTOR}, once the question was drawn
	 * {@link #DISTRACTOR_MIN_DRAWN} times.
	 */
	static final double UNUSED_SHARE = 0.02;

	static final long DISTRACTOR_MIN_DRAWN = 100;

	/** The option keys of {@code optionCounts}: the options' numbers, then no answer. */
	static final List<String> CHOICES = List.of("1", "2", "3", "4", "none");

	/**
	 * Why a question deserves a look.
	 */
	public enum Flag {

		/** Answered right by more than 95 % of the attempts that drew it. */
		TOO_EASY,

		/** Answered right by fewer than 20 %. */
		TOO_HARD,

		/**
		 * Those who answered it right scored less on the rest of their attempt than those
		 * who did not (item–rest correlation below 0).
		 */
		NEGATIVE_DISCRIMINATION,

		/** A wrong option chosen by fewer than 2 %, once drawn at least 100 times. */
		UNUSED_DISTRACTOR,

		/**
		 * The top quarter of scorers chose a wrong option more often than the keyed one:
		 * the key may be wrong.
		 */
		MAYBE_WRONG_KEY

	}

	/**
	 * One question's figures.
	 *
	 * @param questionId the question's id
	 * @param code its code in the bank
	 * @param chapter its chapter
	 * @param article the article it rests on
	 * @param text its stem
	 * @param correctOption the keyed option (1..4), as the bank has it now
	 * @param active whether draws still take it (a retired question is listed only when
	 * drawn)
	 * @param drawn submitted attempts that drew it
	 * @param facility the share of those that answered it right; {@code null} when never
	 * drawn
	 * @param discrimination the Pearson correlation between answering it right (1 or 0)
	 * and the score on the attempt's other questions; {@code null} when either does not
	 * vary
	 * @param optionCounts how many chose each option ({@code "1"}..{@code "4"}) and none
	 * ({@code "none"})
	 * @param topQuarter the same for the top quarter of scorers
	 * @param flags the flags, in the order of {@link Flag}
	 */
	public record Item(long questionId, String code, int chapter, int article, String text, int correctOption,
			boolean active, long drawn, Double facility, Double discrimination, Map<String, Long> optionCounts,
			TopQuarter topQuarter, List<Flag> flags) {

		/**
		 * A question's figures and the flags they raise.
		 * @param question the question
		 * @param active whether draws still take it
		 * @param counts what PostgreSQL counted for it
		 * @return the item
		 */
		static Item of(BankQuestion question, boolean active, Counts counts) {
			long drawn = counts.drawn();
			Double facility = (drawn > 0) ? (double) counts.correct() / drawn : null;
			List<Flag> flags = new ArrayList<>();
			if (facility != null && facility > TOO_EASY) {
				flags.add(Flag.TOO_EASY);
			}
			if (facility != null && facility < TOO_HARD) {
				flags.add(Flag.TOO_HARD);
			}
			if (counts.discrimination() != null && counts.discrimination() < 0) {
				flags.add(Flag.NEGATIVE_DISCRIMINATION);
			}
			int key = question.correctOption();
			if (drawn >= DISTRACTOR_MIN_DRAWN
					&& distractors(key).anyMatch((option) -> counts.options()[option] < UNUSED_SHARE * drawn)) {
				flags.add(Flag.UNUSED_DISTRACTOR);
			}
			if (distractors(key).anyMatch((option) -> counts.top()[option] > counts.top()[key])) {
				flags.add(Flag.MAYBE_WRONG_KEY);
			}
			return new Item(question.id(), question.code(), question.chapter(), question.article(), question.text(),
					key, active, drawn, facility, counts.discrimination(), choices(counts.options()),
					new TopQuarter(counts.topAttempts(), choices(counts.top())), List.copyOf(flags));
		}

		private static IntStream distractors(int key) {
			return IntStream.rangeClosed(1, 4).filter((option) -> option != key);
		}

		private static Map<String, Long> choices(long[] byAnswer) {
			Map<String, Long> choices = new LinkedHashMap<>();
			for (int option = 1; option <= 4; option++) {
				choices.put(CHOICES.get(option - 1), byAnswer[option]);
			}
			choices.put("none", byAnswer[0]);
			return choices;
		}

	}

	/**
	 * The top quarter of scorers among the attempts that drew a question: ranked by their
	 * score on the attempt's other questions (so that choosing the key does not itself
	 * lift an attempt into it), the first quarter (rounded up) and every attempt tied
	 * with the last of them.
	 *
	 * @param attempts how many attempts that is
	 * @param optionCounts what they chose, as {@link Item#optionCounts}
	 */
	public record TopQuarter(long attempts, Map<String, Long> optionCounts) {
	}

	/**
	 * What PostgreSQL counted for one question.
	 *
	 * @param drawn attempts that drew it
	 * @param correct of them, answered with the key
	 * @param discrimination the item–rest correlation, or {@code null}
	 * @param options by answer: {@code [0]} none, {@code [1..4]} the options
	 * @param topAttempts attempts in the top quarter
	 * @param top by answer, in the top quarter
	 */
	record Counts(long drawn, long correct, Double discrimination, long[] options, long topAttempts, long[] top) {

		static final Counts NONE = new Counts(0, 0, null, new long[5], 0, new long[5]);

	}

}
