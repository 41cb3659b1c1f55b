package org.civiquiz.exam.attempt;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiquiz.exam.SubmissionRequest;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ScoringTests {

	private static final Instant STARTED = Instant.parse("2026-11-20T03:00:00Z");

	/** Three questions shown in the order 30, 10, 20; their correct options 2, 4, 1. */
	private static final Attempt ATTEMPT = new Attempt(UUID.randomUUID(), 1, 1, 1, new byte[32], List.of(30L, 10L, 20L),
			List.of(List.of(3, 1, 2, 4), List.of(1, 2, 3, 4), List.of(4, 3, 2, 1)), STARTED, STARTED.plusSeconds(1200),
			AttemptStatus.OPEN, null, null, null, null, null, new Attempt.Taker("Nguyễn Văn An", 1, "Quận Lê Chân"),
			null, null, null, false);

	private static final Map<Long, BankQuestion> BANK = Map.of(10L, question(10, 4), 20L, question(20, 1), 30L,
			question(30, 2));

	@Test
	void answersAreAlignedWithTheQuestionsAsShownAndTheUnansweredAreZero() {
		List<Integer> answers = Scoring.answers(ATTEMPT,
				request(answer(20L, 1), answer(30L, 3), new SubmissionRequest.Answer(10L, null)));

		assertThat(answers).containsExactly(3, 0, 1);
	}

	@Test
	void scoresOnePointPerCorrectAnswer() {
		assertThat(Scoring.score(ATTEMPT, BANK::get, List.of(2, 4, 1))).isEqualTo(3);
		assertThat(Scoring.score(ATTEMPT, BANK::get, List.of(2, 0, 4))).isEqualTo(1);
		assertThat(Scoring.score(ATTEMPT, BANK::get, List.of(0, 0, 0))).isZero();
	}

	@Test
	void aQuestionTheBankNoLongerHasScoresNothing() {
		assertThat(Scoring.score(ATTEMPT, (id) -> (id == 10L) ? null : BANK.get(id), List.of(2, 4, 1))).isEqualTo(2);
	}

	@Test
	void namesEveryAnswerThatDoesNotFitTheAttempt() {
		assertThat(problems(request(answer(99L, 1), answer(10L, 2), answer(10L, 3))))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("answers[0].questionId", "QUESTION_NOT_IN_ATTEMPT"),
					tuple("answers[2].questionId", "ANSWER_DUPLICATE"));
		assertThat(problems(request(answer(20L, 5), null))).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("answers[0].optionId", "OPTION_UNKNOWN"),
					tuple("answers[1].questionId", "QUESTION_NOT_IN_ATTEMPT"));
	}

	@Test
	void moreAnswersThanQuestionsAreRefusedAtOnce() {
		ExamException ex = catchThrowableOfType(ExamException.class, () -> Scoring.answers(ATTEMPT,
				request(answer(10L, 1), answer(20L, 1), answer(30L, 1), answer(40L, 1))));

		assertThat(ex.getCode()).isEqualTo("TOO_MANY_ANSWERS");
	}

	@Test
	void theDurationIsCappedAtTheTimeTheAttemptHad() {
		assertThat(Scoring.durationMs(ATTEMPT, STARTED.plusMillis(754_123))).isEqualTo(754_123);
		assertThat(Scoring.durationMs(ATTEMPT, STARTED.plusSeconds(1210))).isEqualTo(1_200_000);
	}

	private static List<FieldProblem> problems(SubmissionRequest request) {
		ExamException ex = catchThrowableOfType(ExamException.class, () -> Scoring.answers(ATTEMPT, request));
		assertThat(ex).as("refused").isNotNull();
		return ex.getFieldProblems();
	}

	private static SubmissionRequest request(SubmissionRequest.Answer... answers) {
		return new SubmissionRequest(Arrays.asList(answers), 100L);
	}

	private static SubmissionRequest.Answer answer(Long questionId, Integer optionId) {
		return new SubmissionRequest.Answer(questionId, optionId);
	}

	private static BankQuestion question(long id, int correct) {
		return new BankQuestion(id, "Q" + id, 1, 1, "Câu hỏi " + id, List.of("A", "B", "C", "D"), correct, "Điều 1");
	}

}
