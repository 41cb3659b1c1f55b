package org.civiquiz.security.account;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals about staff accounts and logins.
 */
public final class AccountException extends CiviquizException {

	private AccountException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	static AccountException notFound(String username) {
		return new AccountException(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", username);
	}

	static AccountException exists() {
		return new AccountException(HttpStatus.CONFLICT, "ACCOUNT_EXISTS");
	}

	static AccountException lastAdmin() {
		return new AccountException(HttpStatus.CONFLICT, "LAST_ADMIN");
	}

	public static AccountException currentPasswordWrong() {
		return new AccountException(HttpStatus.BAD_REQUEST, "CURRENT_PASSWORD_WRONG");
	}

	/**
	 * A contest outside the account's scope, said exactly as a contest that does not
	 * exist.
	 */
	public static AccountException contestNotFound(String slug) {
		return new AccountException(HttpStatus.NOT_FOUND, "CONTEST_NOT_FOUND", slug);
	}

	public static AccountException loginFailed() {
		return new AccountException(HttpStatus.UNAUTHORIZED, "LOGIN_FAILED");
	}

	public static AccountException tooManyStreams(int max) {
		return new AccountException(HttpStatus.TOO_MANY_REQUESTS, "STREAMS_PER_SESSION", max);
	}

	public static AccountException notLoggedIn() {
		return new AccountException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
	}

}
