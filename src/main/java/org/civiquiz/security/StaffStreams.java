package org.civiquiz.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.security.account.AccountException;
import org.civiquiz.security.account.AccountService;
import org.civiquiz.security.session.StaffSessions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Staff responses that stay open (the live statistics stream) and end with the right to
 * them. A request is checked once, when it arrives; a stream would go on sending after a
 * logout or after an admin disabled the account. So every {@code recheck} (5 s) a stream
 * checks that its session still exists (a logout deletes it) and that the account is
 * still enabled with the same session generation (a new password, role or disabling
 * changes it), and ends if not. A session (or an account using HTTP Basic) may hold
 * {@code max-per-session} streams at once on a replica; a stream ends after
 * {@code max-lifetime} anyway, and the page connects again (checked like any request).
 */
@Component
public class StaffStreams {

	private final AccountService accounts;

	private final ReactiveSessionRepository<? extends Session> sessions;

	private final SecurityProperties.Streams properties;

	/** Open streams per session id (or per account, for HTTP Basic) on this replica. */
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	StaffStreams(AccountService accounts, ReactiveSessionRepository<? extends Session> sessions,
			SecurityProperties properties) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.properties = properties.streams();
	}

	/**
	 * The stream, for as long as the person who opened it may see it.
	 * @param <T> what the stream carries
	 * @param exchange the request that opens it
	 * @param stream what to send
	 * @return the stream bounded by the session, or 429 {@code STREAMS_PER_SESSION} when
	 * the session has too many open already
	 */
	public <T> Mono<Flux<T>> open(ServerWebExchange exchange, Flux<T> stream) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Authentication::getName)
			.flatMap((username) -> this.accounts.find(username)
				.flatMap((account) -> sessionId(exchange).map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.map((session) -> bounded(username, account.sessionGeneration(), session, stream))));
	}

	private <T> Flux<T> bounded(String username, int generation, Optional<String> session, Flux<T> stream) {
		String key = session.map((id) -> "session:" + id).orElse("account:" + username);
		if (this.open.merge(key, 1, Integer::sum) > this.properties.maxPerSession()) {
			release(key);
			throw AccountException.tooManyStreams(this.properties.maxPerSession());
		}
		Flux<Boolean> signedOut = Flux.interval(this.properties.recheck())
			.concatMap((tick) -> stillSignedIn(username, generation, session))
			.filter((signedIn) -> !signedIn);
		return stream.takeUntilOther(signedOut).take(this.properties.maxLifetime()).doFinally((signal) -> release(key));
	}

	/**
	 * Whether the session (if any) still exists and the account is unchanged; a store
	 * that cannot answer ends nobody's stream.
	 */
	private Mono<Boolean> stillSignedIn(String username, int generation, Optional<String> session) {
		Mono<Boolean> account = this.accounts.find(username)
			.map((stored) -> stored.enabled() && stored.sessionGeneration() == generation)
			.defaultIfEmpty(false);
		Mono<Boolean> sessionExists = session.map((id) -> this.sessions.findById(id).hasElement())
			.orElse(Mono.just(true));
		return account.zipWith(sessionExists, Boolean::logicalAnd).onErrorReturn(true);
	}

	private void release(String key) {
		this.open.computeIfPresent(key, (ignored, count) -> (count > 1) ? count - 1 : null);
	}

	private static Mono<String> sessionId(ServerWebExchange exchange) {
		if (exchange.getRequest().getCookies().getFirst(StaffSessions.COOKIE) == null) {
			return Mono.empty();
		}
		return exchange.getSession().map(WebSession::getId);
	}

}
