package org.civiquiz.question;

import java.util.ArrayList;
import java.util.List;

/**
 * Question banks for tests.
 */
final class QuestionFixtures {

	private QuestionFixtures() {
	}

	/** A bank with {@code perChapter} questions in each of chapters 1..chapters. */
	static QuestionBank bank(int chapters, int perChapter) {
		List<BankQuestion> questions = new ArrayList<>();
		long id = 1;
		for (int chapter = 1; chapter <= chapters; chapter++) {
			for (int i = 0; i < perChapter; i++) {
				questions.add(new BankQuestion(id, "C" + chapter + "-" + i, chapter, chapter * 10 + i,
						"Question " + id + "?", List.of("a" + id, "b" + id, "c" + id, "d" + id), (int) (id % 4) + 1,
						"Because Điều " + chapter));
				id++;
			}
		}
		return new QuestionBank("test", questions);
	}

}
