package org.civiquiz.integrity;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the integrity feature.
 */
final class IntegrityException extends CiviquizException {

	private IntegrityException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	static IntegrityException roundNotFound(int round) {
		return new IntegrityException(HttpStatus.NOT_FOUND, "ROUND_NOT_FOUND", round);
	}

}
