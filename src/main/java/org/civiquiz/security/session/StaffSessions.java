package org.civiquiz.security.session;

import java.util.List;

import org.civiquiz.security.account.AccountService;
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
public class StaffSessions implements ServerSecurityContextRepository {

	/**
	 * The session cookie's name, as {@code server.reactive.session.cookie.name} sets it.
	 */
	public static final String COOKIE = "CIVIQUIZ_SESSION";

	static final String USERNAME = "civiquiz.staff.username";

	static final String GENERATION = "civiquiz.staff.generation";

	private final AccountService accounts;

	public StaffSessions(AccountService accounts) {
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
			Integer generation = session.getAttribute(GENERATION);
			if (username == null || generation == null) {
				return Mono.empty();
			}
			return this.accounts.find(username)
				.filter((account) -> account.enabled() && account.sessionGeneration() == generation)
				.map((account) -> (SecurityContext) new SecurityContextImpl(
						UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
								List.of(new SimpleGrantedAuthority(account.role().authority())))))
				.switchIfEmpty(Mono.defer(() -> session.invalidate().then(Mono.empty())));
		});
	}

	/**
	 * Starts a session for a logged-in account, under a new session id (no fixation).
	 */
	Mono<Void> start(ServerWebExchange exchange, String username) {
		return this.accounts.find(username)
			.flatMap((account) -> exchange.getSession()
				.flatMap((session) -> session.changeSessionId().then(Mono.fromRunnable(() -> {
					session.getAttributes().put(USERNAME, account.username());
					session.getAttributes().put(GENERATION, account.sessionGeneration());
				}))));
	}

	/**
	 * Keeps this browser's session valid after its own account's password change, if the
	 * session is that account's.
	 */
	static Mono<Void> renew(ServerWebExchange exchange, String username, int generation) {
		return exchange.getSession()
			.filter((session) -> username.equals(session.getAttribute(USERNAME)))
			.doOnNext((session) -> session.getAttributes().put(GENERATION, generation))
			.then();
	}

	static Mono<Void> end(ServerWebExchange exchange) {
		return exchange.getSession().flatMap(WebSession::invalidate);
	}

}
