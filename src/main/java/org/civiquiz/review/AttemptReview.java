package org.civiquiz.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.civiquiz.exam.AttemptAnswers;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.question.LawArticle;
import org.civiquiz.question.QuestionBank;

/**
 * A participant's review of a submitted attempt: each question in the order the attempt
 * showed it, with its options in the order shown, the option chosen beside the correct
 * one, the explanation and the cited article in the law's own words; then how they did
 * chapter by chapter.
 *
 * @param attemptId the attempt
 * @param score correct answers
 * @param total questions
 * @param questions the questions, in the order shown
 * @param chapters per chapter of the law the attempt drew from, in the law's order
 */
public record AttemptReview(UUID attemptId, int score, int total, List<ReviewedQuestion> questions,
		List<ChapterSummary> chapters) {

	/**
	 * Puts an attempt's answers beside its bank's correct options.
	 * @param attempt the submitted attempt
	 * @param bank its contest's bank (retired questions included)
	 * @return the review; a question the bank no longer has is left out
	 */
	static AttemptReview of(AttemptAnswers attempt, QuestionBank bank) {
		List<ReviewedQuestion> questions = new ArrayList<>();
		Map<Integer, int[]> perChapter = new TreeMap<>();
		for (int i = 0; i < attempt.total(); i++) {
			BankQuestion question = bank.question(attempt.questionIds().get(i));
			if (question == null) {
				continue;
			}
			int chosen = attempt.answers().get(i);
			boolean correct = chosen == question.correctOption();
			Optional<LawArticle> article = bank.texts().article(question.article());
			questions.add(new ReviewedQuestion(question.id(), question.text(),
					attempt.optionOrders()
						.get(i)
						.stream()
						.map((option) -> new ReviewOption(option, question.option(option)))
						.toList(),
					(chosen > 0) ? chosen : null, question.correctOption(), correct, question.explanation(),
					question.chapter(), question.article(), article.map(LawArticle::title).orElse(null),
					article.map(LawArticle::text).orElse(null)));
			int[] counts = perChapter.computeIfAbsent(question.chapter(), (chapter) -> new int[2]);
			counts[0] += correct ? 1 : 0;
			counts[1]++;
		}
		List<ChapterSummary> chapters = perChapter.entrySet().stream().map((entry) -> {
			List<Integer> articles = bank.chapterArticles(entry.getKey());
			return new ChapterSummary(entry.getKey(), bank.texts().chapterTitle(entry.getKey()).orElse(null),
					entry.getValue()[0], entry.getValue()[1], articles.isEmpty() ? null : articles.get(0),
					articles.isEmpty() ? null : articles.get(articles.size() - 1));
		}).toList();
		return new AttemptReview(attempt.attemptId(), attempt.score(), attempt.total(), questions, chapters);
	}

	/**
	 * A question as the attempt showed it, with its answer.
	 *
	 * @param id the question
	 * @param text the stem
	 * @param options the options, in the order shown
	 * @param chosenOptionId the option chosen, {@code null} when left unanswered
	 * @param correctOptionId the correct option
	 * @param correct whether the chosen option is the correct one
	 * @param explanation the rule, stated and cited
	 * @param chapter the law's chapter
	 * @param article the article the answer rests on
	 * @param articleTitle its title, {@code null} when the bank brings no text for it
	 * @param articleText its own text, {@code null} when the bank brings none: the
	 * explanation stands alone
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record ReviewedQuestion(long id, String text, List<ReviewOption> options, Integer chosenOptionId,
			int correctOptionId, boolean correct, String explanation, int chapter, int article, String articleTitle,
			String articleText) {
	}

	/**
	 * An option.
	 *
	 * @param id its id (1..4)
	 * @param text its text
	 */
	public record ReviewOption(int id, String text) {
	}

	/**
	 * How an attempt did on one chapter of the law.
	 *
	 * @param chapter the chapter
	 * @param title its title, {@code null} when the bank brings none
	 * @param correct questions of the chapter answered correctly
	 * @param total questions of the chapter in the attempt
	 * @param firstArticle the chapter's first article, to read again
	 * @param lastArticle its last article
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record ChapterSummary(int chapter, String title, int correct, int total, Integer firstArticle,
			Integer lastArticle) {
	}

}
