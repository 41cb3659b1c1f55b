package org.civiquiz.platform;

import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is a store's (PostgreSQL or Redis down, restarting or too slow), not
 * the request's: answered 503 with {@code Retry-After}, and not held against the person
 * (rate limits give back what such a request took).
 */
public final class StoreUnavailable {

	private StoreUnavailable() {
	}

	/**
	 * @param failure what went wrong
	 * @return whether a store's failure is anywhere in its cause chain
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// no connection for a transaction: PostgreSQL down or restarting
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof RedisException
					|| cause instanceof RedisSystemException) {
				return true;
			}
		}
		return false;
	}

}
