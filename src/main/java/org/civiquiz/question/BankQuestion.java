package org.civiquiz.question;

import java.util.List;

/**
 * A question of a bank, correct option included: never send it to a participant as is.
 *
 * @param id the id
 * @param code the bank's own code, e.g. {@code C04-007}
 * @param chapter the chapter of the law (1 = Chương I)
 * @param article the article of the law (Điều N) the answer rests on
 * @param text the stem
 * @param options the four options; option ids are their positions 1..4
 * @param correctOption the id (1..4) of the correct option
 * @param explanation one sentence that states and cites the rule
 */
public record BankQuestion(long id, String code, int chapter, int article, String text, List<String> options,
		int correctOption, String explanation) {

	public String option(int optionId) {
		return this.options.get(optionId - 1);
	}

}
