package org.civiquiz.exam.attempt;

import java.util.List;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the exam feature.
 */
public final class ExamException extends CiviquizException {

	private ExamException(HttpStatus status, String code, List<FieldProblem> problems, Object... args) {
		super(status, code, problems, args);
	}

	private static ExamException of(HttpStatus status, String code) {
		return new ExamException(status, code, List.of());
	}

	public static ExamException attemptNotFound() {
		return of(HttpStatus.NOT_FOUND, "ATTEMPT_NOT_FOUND");
	}

	public static ExamException tokenMissing() {
		return of(HttpStatus.UNAUTHORIZED, "ATTEMPT_TOKEN_MISSING");
	}

	public static ExamException tokenInvalid() {
		return of(HttpStatus.FORBIDDEN, "ATTEMPT_TOKEN_INVALID");
	}

	public static ExamException attemptInProgress() {
		return of(HttpStatus.CONFLICT, "ATTEMPT_IN_PROGRESS");
	}

	public static ExamException attemptLimitReached() {
		return of(HttpStatus.CONFLICT, "ATTEMPT_LIMIT_REACHED");
	}

	public static ExamException expired() {
		return of(HttpStatus.CONFLICT, "ATTEMPT_EXPIRED");
	}

	public static ExamException alreadySubmitted() {
		return of(HttpStatus.CONFLICT, "ATTEMPT_ALREADY_SUBMITTED");
	}

	public static ExamException notSubmitted() {
		return of(HttpStatus.CONFLICT, "ATTEMPT_NOT_SUBMITTED");
	}

	public static ExamException submissionConflict() {
		return of(HttpStatus.CONFLICT, "SUBMISSION_CONFLICT");
	}

	public static ExamException idempotencyKeyInvalid() {
		return of(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID");
	}

	public static ExamException idempotencyKeyReused() {
		return of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
	}

	public static ExamException tooManyAnswers(int questions, int answers) {
		return new ExamException(HttpStatus.UNPROCESSABLE_CONTENT, "TOO_MANY_ANSWERS", List.of(), questions, answers);
	}

	/**
	 * The answers do not fit the attempt; the code is that of the first problem, every
	 * problem is listed.
	 */
	public static ExamException invalidAnswers(List<FieldProblem> problems) {
		return new ExamException(HttpStatus.UNPROCESSABLE_CONTENT, problems.get(0).code(), problems);
	}

}
