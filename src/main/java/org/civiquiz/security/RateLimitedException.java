package org.civiquiz.security;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Too many requests: 429 with {@code Retry-After}.
 */
public final class RateLimitedException extends CiviquizException {

	private final long retryAfterSeconds;

	private RateLimitedException(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", retryAfterSeconds);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static RateLimitedException ofMillis(long millisToWait) {
		long seconds = Math.max(1, (millisToWait + 999L) / 1000L);
		return new RateLimitedException(seconds);
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
		return headers;
	}

}
