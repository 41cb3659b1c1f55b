package org.civiquiz.security.session;

import java.util.Locale;

import org.civiquiz.security.RateLimitedException;
import org.civiquiz.security.RateLimiter;
import org.civiquiz.security.password.PasswordHashing;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Checks staff passwords, for the login and for HTTP Basic alike, and counts failures per
 * client address: each try takes a token before the password is checked (so parallel
 * tries cannot all slip through) and a success gives it back; once the address's bucket
 * is empty, tries are refused with 429 until it refills, without checking the password.
 * There is no limit per account: anyone could then lock the well-known accounts out.
 * Passwords are checked on {@link PasswordHashing}'s few threads.
 */
public class StaffAuthentication implements ReactiveAuthenticationManager {

	private final UserDetailsRepositoryReactiveAuthenticationManager passwords;

	private final PasswordHashing hashing;

	private final RateLimiter limiter;

	public StaffAuthentication(UserDetailsRepositoryReactiveAuthenticationManager passwords, PasswordHashing hashing,
			RateLimiter limiter) {
		this.passwords = passwords;
		this.hashing = hashing;
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
				.map(this.limiter::clientAddress)
				.orElse(null);
			return this.limiter.check(RateLimiter.Limit.LOGIN_FAILURES_PER_IP, address)
				.onErrorMap(RateLimitedException.class, TooManyFailures::new)
				.then(Mono.defer(() -> this.passwords.authenticate(normalized)))
				// no thread free to check it: not a failed try, its token goes back
				.onErrorResume(PasswordHashing::refused,
						(ex) -> this.limiter.refund(RateLimiter.Limit.LOGIN_FAILURES_PER_IP, address)
							.then(Mono.error(this.hashing.busy(ex))))
				.flatMap((authenticated) -> this.limiter.refund(RateLimiter.Limit.LOGIN_FAILURES_PER_IP, address)
					.thenReturn(authenticated));
		});
	}

	/**
	 * Refused without checking the password: too many failures.
	 */
	public static final class TooManyFailures extends AuthenticationException {

		private final transient RateLimitedException limited;

		TooManyFailures(RateLimitedException limited) {
			super("Too many failed logins");
			this.limited = limited;
		}

		public RateLimitedException limited() {
			return this.limited;
		}

	}

}
