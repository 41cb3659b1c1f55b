package org.civiquiz.security.scope;

import java.util.List;
import java.util.Optional;

import org.civiquiz.platform.Problems;
import org.civiquiz.security.account.AccountRepository;
import org.civiquiz.security.account.AccountScope;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place where a staff account's scope ({@link AccountScope}) is enforced, for
 * every endpoint of one contest: every path under {@code /api/admin/contests/{slug}},
 * whatever controller serves it, after the role checks. A contest outside the scope is
 * answered exactly as a contest that does not exist (404 {@code CONTEST_NOT_FOUND}), for
 * any slug and before the request's body is read, so a scoped account cannot tell the two
 * apart. An account limited to some units of a contest may use only the endpoints in
 * {@link #FOR_UNITS}, which filter what they answer by its units; any other endpoint of
 * the contest (changing the contest, its bank or its prize plan, finalizing, and every
 * endpoint added later until it filters by units and is listed there) is refused with 403
 * {@code WHOLE_CONTEST_REQUIRED}.
 */
public class ContestScopeFilter implements WebFilter {

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private static final PathPattern CONTEST = PARSER.parse("/api/admin/contests/{slug}/**");

	/** What a unit-scoped account may call: each answers for its units only. */
	static final List<Endpoint> FOR_UNITS = List.of(Endpoint.of(HttpMethod.GET, "/api/admin/contests/{slug}"),
			Endpoint.of(HttpMethod.GET, "/api/admin/contests/{slug}/stats"),
			Endpoint.of(HttpMethod.GET, "/api/admin/contests/{slug}/stats/stream"),
			Endpoint.of(HttpMethod.GET, "/api/admin/contests/{slug}/integrity-flags"),
			Endpoint.of(HttpMethod.GET, "/api/admin/contests/{slug}/exclusions"),
			Endpoint.of(HttpMethod.PUT, "/api/admin/contests/{slug}/exclusions/{attemptId}"),
			Endpoint.of(HttpMethod.DELETE, "/api/admin/contests/{slug}/exclusions/{attemptId}"));

	private final AccountRepository accounts;

	private final Problems problems;

	public ContestScopeFilter(AccountRepository accounts, Problems problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		PathPattern.PathMatchInfo match = CONTEST.matchAndExtract(path);
		if (match == null) {
			return chain.filter(exchange);
		}
		String slug = match.getUriVariables().get("slug");
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.flatMap((authentication) -> this.accounts.find(authentication.getName()))
			.flatMap((account) -> Mono.justOrEmpty(account.scope()))
			.map((scope) -> refusal(scope, slug, exchange.getRequest().getMethod(), path))
			.defaultIfEmpty(Optional.empty())
			.flatMap((refusal) -> refusal.isPresent() ? refuse(exchange, refusal.get(), slug) : chain.filter(exchange));
	}

	/**
	 * Why the scope refuses the request, if it does.
	 * @param scope the account's scope
	 * @param slug the contest asked for
	 * @param method the request's method
	 * @param path the request's path
	 * @return the status and code of the refusal, or empty to let the request through
	 */
	static Optional<Refusal> refusal(AccountScope scope, String slug, HttpMethod method, PathContainer path) {
		Optional<AccountScope.ContestScope> contest = scope.contest(slug);
		if (contest.isEmpty()) {
			return Optional.of(Refusal.CONTEST_NOT_FOUND);
		}
		if (!contest.get().wholeContest() && !forUnits(method, path)) {
			return Optional.of(Refusal.WHOLE_CONTEST_REQUIRED);
		}
		return Optional.empty();
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Refusal refusal, String slug) {
		HttpHeaders headers = new HttpHeaders();
		HttpHeaders request = exchange.getRequest().getHeaders();
		if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// refused before its body was read: the connection is not used again
			headers.set(HttpHeaders.CONNECTION, "close");
		}
		return this.problems.write(exchange, refusal.status, refusal.name(), headers, slug);
	}

	private static boolean forUnits(HttpMethod method, PathContainer path) {
		HttpMethod asked = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
		return FOR_UNITS.stream()
			.anyMatch((endpoint) -> endpoint.method().equals(asked) && endpoint.pattern().matches(path));
	}

	/** The scope's refusals; the name is the problem's code. */
	enum Refusal {

		/** Outside the scope: as if the contest did not exist. */
		CONTEST_NOT_FOUND(HttpStatus.NOT_FOUND),

		/** A unit-scoped account, on an endpoint that needs the whole contest. */
		WHOLE_CONTEST_REQUIRED(HttpStatus.FORBIDDEN);

		private final HttpStatus status;

		Refusal(HttpStatus status) {
			this.status = status;
		}

	}

	/**
	 * An endpoint a unit-scoped account may call.
	 *
	 * @param method its method
	 * @param path its path pattern
	 */
	record Endpoint(HttpMethod method, PathPattern pattern) {

		static Endpoint of(HttpMethod method, String path) {
			return new Endpoint(method, PARSER.parse(path));
		}

	}

}
