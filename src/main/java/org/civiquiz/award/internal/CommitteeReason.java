package org.civiquiz.award.internal;

import java.util.List;

import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * The reason a committee member gives for an exclusion or a reopening: required, one
 * printable text of at most {@value #MAX_LENGTH} characters.
 */
public final class CommitteeReason {

	static final int MAX_LENGTH = 1000;

	private CommitteeReason() {
	}

	public static String validated(String reason) {
		if (reason == null || reason.isBlank()) {
			throw CiviquizException.invalidFields(List.of(new FieldProblem("reason", "FIELD_REQUIRED")));
		}
		if (reason.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
			throw CiviquizException.invalidFields(List.of(new FieldProblem("reason", "TEXT_INVALID")));
		}
		if (reason.strip().length() > MAX_LENGTH) {
			throw CiviquizException.invalidFields(List.of(new FieldProblem("reason", "REASON_TOO_LONG", MAX_LENGTH)));
		}
		return reason.strip();
	}

}
