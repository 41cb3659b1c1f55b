package org.civiquiz.award;

import java.time.Instant;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the awards feature.
 */
final class AwardException extends CiviquizException {

	private AwardException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	static AwardException contestNotFound(String slug) {
		return new AwardException(HttpStatus.NOT_FOUND, "CONTEST_NOT_FOUND", slug);
	}

	static AwardException roundNotFound(int round) {
		return new AwardException(HttpStatus.NOT_FOUND, "ROUND_NOT_FOUND", round);
	}

	static AwardException notClosed(Instant finalizableFrom) {
		return new AwardException(HttpStatus.CONFLICT, "AWARD_SCOPE_NOT_CLOSED", finalizableFrom.toString());
	}

	/** A practice contest awards nothing: no prize plan, no winners. */
	static AwardException unranked(String slug) {
		return new AwardException(HttpStatus.CONFLICT, "CONTEST_UNRANKED", slug);
	}

	static AwardException planMissing(String slug) {
		return new AwardException(HttpStatus.CONFLICT, "PRIZE_PLAN_MISSING", slug);
	}

	static AwardException alreadyFinalized() {
		return new AwardException(HttpStatus.CONFLICT, "AWARD_LIST_FINALIZED");
	}

	static AwardException listNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "AWARD_LIST_NOT_FOUND");
	}

	static AwardException attemptNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "ATTEMPT_NOT_FOUND");
	}

	static AwardException exclusionNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "EXCLUSION_NOT_FOUND");
	}

	/**
	 * A file export of a list whose personal data the retention command removed: only the
	 * JSON (without names and contacts, with the original SHA-256) is left.
	 */
	static AwardException redacted(Instant redactedAt) {
		return new AwardException(HttpStatus.GONE, "AWARD_LIST_REDACTED", redactedAt.toString());
	}

	static AwardException formatUnknown(String format) {
		return new AwardException(HttpStatus.BAD_REQUEST, "EXPORT_FORMAT_UNKNOWN", format);
	}

}
