package org.civiquiz.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.LawArticle;
import org.civiquiz.question.QuestionBank;

/**
 * A contest's answer key (đáp án): every question of its bank with its correct option,
 * explanation and article, chapter by chapter.
 *
 * @param contest the contest's slug
 * @param questions the bank's questions, by chapter then code
 * @param chapters the titles of the chapters they come from, in order
 */
public record AnswerKey(String contest, List<KeyQuestion> questions, List<ChapterTitle> chapters) {

	static AnswerKey of(String slug, QuestionBank bank) {
		List<KeyQuestion> questions = bank.questions()
			.stream()
			.sorted(Comparator.comparingInt(BankQuestion::chapter).thenComparing(BankQuestion::code))
			.map((question) -> {
				Optional<LawArticle> article = bank.texts().article(question.article());
				return new KeyQuestion(question.id(), question.code(), question.text(),
						IntStream.rangeClosed(1, question.options().size())
							.mapToObj((option) -> new AttemptReview.ReviewOption(option, question.option(option)))
							.toList(),
						question.correctOption(), question.explanation(), question.chapter(), question.article(),
						article.map(LawArticle::title).orElse(null));
			})
			.toList();
		List<ChapterTitle> chapters = questions.stream()
			.map(KeyQuestion::chapter)
			.distinct()
			.map((chapter) -> new ChapterTitle(chapter, bank.texts().chapterTitle(chapter).orElse(null)))
			.toList();
		return new AnswerKey(slug, questions, chapters);
	}

	/**
	 * A question with its correct option.
	 *
	 * @param id the question
	 * @param code the bank's code for it
	 * @param text the stem
	 * @param options its options, in the bank's order (A to D)
	 * @param correctOptionId the correct option
	 * @param explanation the rule, stated and cited
	 * @param chapter the law's chapter
	 * @param article the article the answer rests on
	 * @param articleTitle its title, {@code null} when the bank brings no text for it
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record KeyQuestion(long id, String code, String text, List<AttemptReview.ReviewOption> options,
			int correctOptionId, String explanation, int chapter, int article, String articleTitle) {
	}

	/**
	 * A chapter of the law.
	 *
	 * @param chapter its number
	 * @param title its title, {@code null} when the bank brings none
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record ChapterTitle(int chapter, String title) {
	}

}
