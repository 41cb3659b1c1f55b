package org.civiquiz.leaderboard;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the leaderboard feature.
 */
final class LeaderboardException extends CiviquizException {

	private LeaderboardException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	static LeaderboardException roundNotFound(int round) {
		return new LeaderboardException(HttpStatus.NOT_FOUND, "ROUND_NOT_FOUND", round);
	}

	/** A practice contest ranks nobody: it has no boards and no ranks. */
	static LeaderboardException unranked(String slug) {
		return new LeaderboardException(HttpStatus.NOT_FOUND, "CONTEST_UNRANKED", slug);
	}

}
