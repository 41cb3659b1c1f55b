package org.civiquiz.contest;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the contest feature.
 */
public final class ContestException extends CiviquizException {

	private ContestException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	public static ContestException notFound(String slug) {
		return new ContestException(HttpStatus.NOT_FOUND, "CONTEST_NOT_FOUND", slug);
	}

	public static ContestException notOpen(String slug) {
		return new ContestException(HttpStatus.CONFLICT, "CONTEST_NOT_OPEN", slug);
	}

	public static ContestException noOpenRound(String slug) {
		return new ContestException(HttpStatus.CONFLICT, "NO_OPEN_ROUND", slug);
	}

	public static ContestException closed(String slug) {
		return new ContestException(HttpStatus.CONFLICT, "CONTEST_CLOSED", slug);
	}

	public static ContestException exists(String slug) {
		return new ContestException(HttpStatus.CONFLICT, "CONTEST_EXISTS", slug);
	}

	public static ContestException inUse() {
		return new ContestException(HttpStatus.CONFLICT, "CONTEST_IN_USE");
	}

}
