package org.civiquiz.question;

import java.util.List;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the question feature.
 */
public final class QuestionBankException extends CiviquizException {

	private QuestionBankException(HttpStatus status, String code, List<FieldProblem> problems, Object... args) {
		super(status, code, problems, args);
	}

	static QuestionBankException insufficient(String bank) {
		return new QuestionBankException(HttpStatus.SERVICE_UNAVAILABLE, "QUESTION_BANK_INSUFFICIENT", List.of(), bank);
	}

	static QuestionBankException questionInvalid(List<FieldProblem> problems) {
		return new QuestionBankException(HttpStatus.UNPROCESSABLE_CONTENT, "QUESTION_INVALID", problems,
				problems.size());
	}

	static QuestionBankException questionNotFound(String code) {
		return new QuestionBankException(HttpStatus.NOT_FOUND, "QUESTION_NOT_FOUND", List.of(), code);
	}

	static QuestionBankException importRejected(List<FieldProblem> problems) {
		return new QuestionBankException(HttpStatus.UNPROCESSABLE_CONTENT, "QUESTION_IMPORT_REJECTED", problems,
				problems.size());
	}

}
