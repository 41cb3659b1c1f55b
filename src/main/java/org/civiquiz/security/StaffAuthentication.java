package org.civiquiz.security;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Checks staff passwords, for the login and for HTTP Basic alike, and counts failures:
 * after too many from one IP address or against one account, further tries are refused
 * with 429 until the bucket refills, without checking the password.
 */
class StaffAuthentication implements ReactiveAuthenticationManager {

	private final UserDetailsRepositoryReactiveAuthenticationManager passwords;

	private final RateLimiter limiter;

	StaffAuthentication(UserDetailsRepositoryReactiveAuthenticationManager passwords, RateLimiter limiter) {
		this.passwords = passwords;
		this.limiter = limiter;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String username = authentication.getName().strip().toLowerCase(Locale.ROOT);
		Authentication normalized = UsernamePasswordAuthenticationToken.unauthenticated(username,
				authentication.getCredentials());
		// Spring Security puts the exchange in the Reactor context of every request
		return Mono.deferContextual((context) -> {
			String address = context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
				.map(RateLimiter::clientAddress)
				.orElse(null);
			return this.limiter.checkNotExhausted(RateLimiter.Limit.LOGIN_FAILURES_PER_IP, address)
				.then(this.limiter.checkNotExhausted(RateLimiter.Limit.LOGIN_FAILURES_PER_USERNAME, username))
				.onErrorMap(RateLimitedException.class, TooManyFailures::new)
				.then(this.passwords.authenticate(normalized))
				.onErrorResume((ex) -> ex instanceof AuthenticationException && !(ex instanceof TooManyFailures),
						(ex) -> this.limiter.record(RateLimiter.Limit.LOGIN_FAILURES_PER_IP, address)
							.then(this.limiter.record(RateLimiter.Limit.LOGIN_FAILURES_PER_USERNAME, username))
							.then(Mono.error(ex)));
		});
	}

	/**
	 * Refused without checking the password: too many failures.
	 */
	static final class TooManyFailures extends AuthenticationException {

		private final transient RateLimitedException limited;

		TooManyFailures(RateLimitedException limited) {
			super("Too many failed logins");
			this.limited = limited;
		}

		RateLimitedException limited() {
			return this.limited;
		}

	}

}
