package org.civiquiz.stats;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the statistics feature.
 */
public final class StatsException extends CiviquizException {

	private StatsException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	static StatsException roundNotFound(int round) {
		return new StatsException(HttpStatus.NOT_FOUND, "ROUND_NOT_FOUND", round);
	}

	public static StatsException formatUnknown(String format) {
		return new StatsException(HttpStatus.BAD_REQUEST, "ITEM_ANALYSIS_FORMAT_UNKNOWN", format);
	}

}
