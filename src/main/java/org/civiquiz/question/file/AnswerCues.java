package org.civiquiz.question.file;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.civiquiz.question.file.QuestionCsv.QuestionRow;

/**
 * Cues that give an answer away to someone who does not know it, found in a set of
 * questions without reading the law: where the correct value sits among numeric options
 * (a bank whose key is usually a middle value is won by picking middle values), and
 * absolute words ("chỉ", "luôn", "mọi", …), which test-wise people read as the mark of a
 * wrong option. Pure: the import reports them as warnings, and the bundled bank's tests
 * keep it free of them.
 */
public final class AnswerCues {

	/** The correct value's rank among numeric options is far from uniform. */
	public static final String NUMERIC_KEY_RANK_SKEW = "NUMERIC_KEY_RANK_SKEW";

	/**
	 * A question whose correct option has no absolute word while at least two wrong
	 * options have one: striking those out leaves at most two options.
	 */
	public static final String ABSOLUTE_WORD_CUE = "ABSOLUTE_WORD_CUE";

	/** Absolute words are much more (or less) frequent in wrong options than in right. */
	public static final String ABSOLUTE_WORD_SKEW = "ABSOLUTE_WORD_SKEW";

	/** The words of the 2024 audit of the Cooperative Law bank. */
	public static final List<String> ABSOLUTE_WORDS = List.of("chỉ", "luôn", "toàn bộ", "mọi", "tự động", "đương nhiên",
			"trực tiếp");

	/**
	 * Compounds in which "chỉ" is not "only" ("chỉ định": appoint, "địa chỉ": address).
	 */
	private static final Pattern NOT_ABSOLUTE = Pattern
		.compile("chỉ (định|đạo|thị|tiêu|số|dẫn|huy|rõ|ra)|(địa|đình|tôn) chỉ");

	private static final Pattern ABSOLUTE = Pattern
		.compile("(?<![\\p{L}\\p{M}\\p{N}])(" + String.join("|", ABSOLUTE_WORDS) + ")(?![\\p{L}\\p{M}\\p{N}])");

	/** Below this many numeric questions a skew is as likely chance as a habit. */
	public static final int MIN_NUMERIC_QUESTIONS = 8;

	/**
	 * χ² with 3 degrees of freedom that uniform ranks exceed with probability 5 %: a bank
	 * keyed at random is warned one time in twenty, a habit of middle values is not
	 * missed.
	 */
	public static final double RANK_CHI_SQUARE_LIMIT = 7.815;

	/** Below this many options with an absolute word their shares say nothing. */
	public static final int MIN_ABSOLUTE_OPTIONS = 10;

	/** How many times more frequent on one side than the other counts as skewed. */
	public static final double ABSOLUTE_SHARE_RATIO_LIMIT = 1.5;

	private AnswerCues() {
	}

	/**
	 * The warnings about a set of questions, those of one file: each code at most once.
	 * @param rows the questions
	 * @return the warnings, possibly none
	 */
	public static List<ImportWarning> warnings(List<QuestionRow> rows) {
		List<ImportWarning> warnings = new ArrayList<>();
		rankSkew(rows).ifPresent(warnings::add);
		List<String> cued = rows.stream()
			.filter((row) -> absoluteWordCue(row.options(), row.correctOption()))
			.map(QuestionRow::code)
			.toList();
		if (!cued.isEmpty()) {
			warnings.add(new ImportWarning(ABSOLUTE_WORD_CUE, cued, Map.of()));
		}
		absoluteWordSkew(rows).ifPresent(warnings::add);
		return warnings;
	}

	/**
	 * Where the correct value sits among the numeric options, when every option states a
	 * quantity of the same kind and none equals the correct one.
	 * @param options the options
	 * @param correctOption the correct one, from 1
	 * @return 1 when the correct value is the largest, the number of options when it is
	 * the smallest; empty for a question whose options are not all quantities of one
	 * kind, or with another option equal to the correct one
	 */
	public static OptionalInt keyRank(List<String> options, int correctOption) {
		List<OptionQuantity> quantities = new ArrayList<>();
		for (String option : options) {
			Optional<OptionQuantity> quantity = OptionQuantity.of(option);
			if (quantity.isEmpty() || (!quantities.isEmpty() && quantities.get(0).kind() != quantity.get().kind())) {
				return OptionalInt.empty();
			}
			quantities.add(quantity.get());
		}
		double key = quantities.get(correctOption - 1).value();
		int rank = 1;
		for (int i = 0; i < quantities.size(); i++) {
			double value = quantities.get(i).value();
			if (i != correctOption - 1 && value == key) {
				return OptionalInt.empty();
			}
			rank += (value > key) ? 1 : 0;
		}
		return OptionalInt.of(rank);
	}

	/**
	 * How often the correct value is the largest, second largest, second smallest and
	 * smallest of four numeric options.
	 * @param rows the questions
	 * @return the four counts, largest first
	 */
	public static int[] keyRanks(List<QuestionRow> rows) {
		int[] counts = new int[4];
		for (QuestionRow row : rows) {
			if (row.options().size() == counts.length) {
				keyRank(row.options(), row.correctOption()).ifPresent((rank) -> counts[rank - 1]++);
			}
		}
		return counts;
	}

	/**
	 * Whether the ranks are too uneven to be chance: a χ² test against the uniform
	 * distribution at 5 %, once there are enough numeric questions to tell.
	 * @param counts the counts of each rank
	 * @return whether they are skewed
	 */
	public static boolean rankSkewed(int[] counts) {
		int total = 0;
		for (int count : counts) {
			total += count;
		}
		if (total < MIN_NUMERIC_QUESTIONS) {
			return false;
		}
		double expected = (double) total / counts.length;
		double chiSquare = 0;
		for (int count : counts) {
			chiSquare += (count - expected) * (count - expected) / expected;
		}
		return chiSquare >= RANK_CHI_SQUARE_LIMIT;
	}

	/**
	 * Whether an option holds one of the {@link #ABSOLUTE_WORDS}, as a word of its own.
	 * @param option the option
	 * @return whether it does
	 */
	public static boolean absolute(String option) {
		String text = Normalizer.normalize(option, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		return ABSOLUTE.matcher(NOT_ABSOLUTE.matcher(text).replaceAll(" ")).find();
	}

	/**
	 * Whether a question's correct option is told by its lack of absolute words: it has
	 * none while at least two wrong options have one.
	 * @param options the options
	 * @param correctOption the correct one, from 1
	 * @return whether it is
	 */
	public static boolean absoluteWordCue(List<String> options, int correctOption) {
		if (absolute(options.get(correctOption - 1))) {
			return false;
		}
		return options.stream().filter(AnswerCues::absolute).count() >= 2;
	}

	private static Optional<ImportWarning> rankSkew(List<QuestionRow> rows) {
		int[] counts = keyRanks(rows);
		if (!rankSkewed(counts)) {
			return Optional.empty();
		}
		List<String> numeric = rows.stream()
			.filter((row) -> keyRank(row.options(), row.correctOption()).isPresent())
			.map(QuestionRow::code)
			.toList();
		Map<String, Integer> figures = new LinkedHashMap<>();
		figures.put("largest", counts[0]);
		figures.put("secondLargest", counts[1]);
		figures.put("secondSmallest", counts[2]);
		figures.put("smallest", counts[3]);
		return Optional.of(new ImportWarning(NUMERIC_KEY_RANK_SKEW, numeric, figures));
	}

	private static Optional<ImportWarning> absoluteWordSkew(List<QuestionRow> rows) {
		int right = 0;
		int wrong = 0;
		int wrongOptions = 0;
		for (QuestionRow row : rows) {
			for (int i = 0; i < row.options().size(); i++) {
				boolean absolute = absolute(row.options().get(i));
				if (i == row.correctOption() - 1) {
					right += absolute ? 1 : 0;
				}
				else {
					wrong += absolute ? 1 : 0;
					wrongOptions++;
				}
			}
		}
		if (!absoluteSharesSkewed(right, rows.size(), wrong, wrongOptions)) {
			return Optional.empty();
		}
		Map<String, Integer> figures = new LinkedHashMap<>();
		figures.put("rightWithWord", right);
		figures.put("rightOptions", rows.size());
		figures.put("wrongWithWord", wrong);
		figures.put("wrongOptions", wrongOptions);
		return Optional.of(new ImportWarning(ABSOLUTE_WORD_SKEW, List.of(), figures));
	}

	/**
	 * Whether the share of right options with an absolute word and the share of wrong
	 * ones differ by more than {@link #ABSOLUTE_SHARE_RATIO_LIMIT} times, once enough
	 * options have one to tell.
	 * @param right right options with an absolute word
	 * @param rightOptions right options
	 * @param wrong wrong options with an absolute word
	 * @param wrongOptions wrong options
	 * @return whether the shares are skewed
	 */
	public static boolean absoluteSharesSkewed(int right, int rightOptions, int wrong, int wrongOptions) {
		if (right + wrong < MIN_ABSOLUTE_OPTIONS || rightOptions == 0 || wrongOptions == 0) {
			return false;
		}
		double rightShare = (double) right / rightOptions;
		double wrongShare = (double) wrong / wrongOptions;
		return Math.max(rightShare, wrongShare) > ABSOLUTE_SHARE_RATIO_LIMIT * Math.min(rightShare, wrongShare);
	}

}
