package org.civiquiz.question.file;

import java.util.List;
import java.util.Map;

/**
 * Something an organizer should look at in an imported file that is no error: the file is
 * imported all the same. The page words it from the code (see {@link AnswerCues}).
 *
 * @param code {@code NUMERIC_KEY_RANK_SKEW}: among the questions whose four options are
 * quantities, the correct one is the largest, second largest, second smallest or smallest
 * far from a quarter of the time each; {@code ABSOLUTE_WORD_CUE}: questions whose correct
 * option is the one without an absolute word ("chỉ", "luôn", "mọi", …) while at least two
 * wrong ones have one; {@code ABSOLUTE_WORD_SKEW}: absolute words far more (or less)
 * frequent in wrong options than in right ones
 * @param questions the codes of the questions concerned, in the file's order (for
 * {@code NUMERIC_KEY_RANK_SKEW}, every question with numeric options), possibly none
 * @param figures the counts behind the warning: {@code largest}, {@code secondLargest},
 * {@code secondSmallest}, {@code smallest}; or {@code rightWithWord},
 * {@code rightOptions}, {@code wrongWithWord}, {@code wrongOptions}
 */
public record ImportWarning(String code, List<String> questions, Map<String, Integer> figures) {
}
