package org.civiquiz.security;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Browser sessions of staff accounts. The session (kept in Redis, shared by the replicas)
 * holds only the account name and the login time; every request reads the account afresh,
 * so that a disabled account, a new password or a new role takes effect at once. Requests
 * without a session cookie never touch Redis.
 */
class StaffSessions implements ServerSecurityContextRepository {

	/**
	 * The session cookie's name, as {@code server.reactive.session.cookie.name} sets it.
	 */
	static final String COOKIE = "CIVIQUIZ_SESSION";

	static final String USERNAME = "civiquiz.staff.username";

	static final String LOGGED_IN_AT = "civiquiz.staff.loggedInAt";

	private final AccountService accounts;

	StaffSessions(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * Logins go through {@link #start}; Spring Security never saves a context here.
	 */
	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return Mono.empty();
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		if (exchange.getRequest().getCookies().getFirst(COOKIE) == null) {
			return Mono.empty();
		}
		return exchange.getSession().flatMap((session) -> {
			String username = session.getAttribute(USERNAME);
			Instant loggedInAt = session.getAttribute(LOGGED_IN_AT);
			if (username == null || loggedInAt == null) {
				return Mono.empty();
			}
			return this.accounts.find(username)
				.filter((account) -> account.enabled() && !loggedInAt.isBefore(account.sessionsValidFrom()))
				.map((account) -> (SecurityContext) new SecurityContextImpl(
						UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
								List.of(new SimpleGrantedAuthority(account.role().authority())))))
				.switchIfEmpty(Mono.defer(() -> session.invalidate().then(Mono.empty())));
		});
	}

	/**
	 * Starts a session for a logged-in account, under a new session id (no fixation).
	 */
	static Mono<Void> start(ServerWebExchange exchange, String username, Instant now) {
		return exchange.getSession().flatMap((session) -> session.changeSessionId().then(Mono.fromRunnable(() -> {
			session.getAttributes().put(USERNAME, username);
			session.getAttributes().put(LOGGED_IN_AT, now);
		})));
	}

	/**
	 * Keeps the session valid after its own account's password change.
	 */
	static Mono<Void> renew(ServerWebExchange exchange, Instant now) {
		return exchange.getSession().doOnNext((session) -> session.getAttributes().put(LOGGED_IN_AT, now)).then();
	}

	static Mono<Void> end(ServerWebExchange exchange) {
		return exchange.getSession().flatMap(WebSession::invalidate);
	}

}
