package org.civiquiz.award.internal;

import java.time.Instant;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the awards feature.
 */
public final class AwardException extends CiviquizException {

	private AwardException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	public static AwardException contestNotFound(String slug) {
		return new AwardException(HttpStatus.NOT_FOUND, "CONTEST_NOT_FOUND", slug);
	}

	public static AwardException roundNotFound(int round) {
		return new AwardException(HttpStatus.NOT_FOUND, "ROUND_NOT_FOUND", round);
	}

	public static AwardException notClosed(Instant finalizableFrom) {
		return new AwardException(HttpStatus.CONFLICT, "AWARD_SCOPE_NOT_CLOSED", finalizableFrom.toString());
	}

	/** A practice contest awards nothing: no prize plan, no winners. */
	public static AwardException unranked(String slug) {
		return new AwardException(HttpStatus.CONFLICT, "CONTEST_UNRANKED", slug);
	}

	public static AwardException planMissing(String slug) {
		return new AwardException(HttpStatus.CONFLICT, "PRIZE_PLAN_MISSING", slug);
	}

	public static AwardException alreadyFinalized() {
		return new AwardException(HttpStatus.CONFLICT, "AWARD_LIST_FINALIZED");
	}

	public static AwardException listNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "AWARD_LIST_NOT_FOUND");
	}

	public static AwardException attemptNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "ATTEMPT_NOT_FOUND");
	}

	public static AwardException exclusionNotFound() {
		return new AwardException(HttpStatus.NOT_FOUND, "EXCLUSION_NOT_FOUND");
	}

	/**
	 * A file export of a list whose personal data the retention command removed: only the
	 * JSON (without names and contacts, with the original SHA-256) is left.
	 */
	public static AwardException redacted(Instant redactedAt) {
		return new AwardException(HttpStatus.GONE, "AWARD_LIST_REDACTED", redactedAt.toString());
	}

	public static AwardException formatUnknown(String format) {
		return new AwardException(HttpStatus.BAD_REQUEST, "EXPORT_FORMAT_UNKNOWN", format);
	}

}
