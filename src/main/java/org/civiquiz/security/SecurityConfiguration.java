package org.civiquiz.security;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.platform.Problems;
import org.civiquiz.security.account.AccountRepository;
import org.civiquiz.security.account.AccountService;
import org.civiquiz.security.password.PasswordHashing;
import org.civiquiz.security.scope.ContestScopeFilter;
import org.civiquiz.security.session.SessionIds;
import org.civiquiz.security.session.StaffAuthentication;
import org.civiquiz.security.session.StaffSessions;
import org.civiquiz.security.session.StaffUserDetails;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ORGANIZER = Role.ORGANIZER.name();

	static final String COMMITTEE = Role.COMMITTEE.name();

	static final String ADMIN = Role.ADMIN.name();

	/**
	 * What the pages may load: only this site's own scripts, styles and data; no page may
	 * frame them.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private final Problems problems;

	SecurityConfiguration(Problems problems) {
		this.problems = problems;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, StaffAuthentication authentication,
			StaffSessions sessions, SecurityProperties properties, AccountRepository accounts) {
		// the web pages (built from frontend/) are public: the organizer page logs in by
		// itself (/api/session) and then calls the admin API with its session cookie
		return http.authorizeExchange((exchanges) -> exchanges
			// the citizens' API is public: matched first, its requests (most of a
			// campaign's) skip the staff rules below, tried one by one
			.pathMatchers("/api/contests/**", "/api/attempts/**", "/api/certificates/**")
			.permitAll()
			.pathMatchers("/", "/index.html", "/admin.html", "/assets/**", "/favicon.svg", "/favicon.ico")
			.permitAll()
			.pathMatchers("/api/admin/accounts", "/api/admin/accounts/**")
			.hasRole(ADMIN)
			.pathMatchers("/api/admin/contests/*/questions", "/api/admin/contests/*/questions/**",
					"/api/admin/contests/*/rebuild")
			.hasAnyRole(ORGANIZER, ADMIN)
			.pathMatchers(HttpMethod.PUT, "/api/admin/contests/*/prize-plan", "/api/admin/contests/*")
			.hasAnyRole(ORGANIZER, ADMIN)
			.pathMatchers(HttpMethod.POST, "/api/admin/contests")
			.hasAnyRole(ORGANIZER, ADMIN)
			// winners carry contact details: the committee's (and the admin's) only
			.pathMatchers("/api/admin/contests/*/winners", "/api/admin/contests/*/finalization",
					"/api/admin/contests/*/reopening", "/api/admin/contests/*/rounds/*/winners",
					"/api/admin/contests/*/rounds/*/finalization", "/api/admin/contests/*/rounds/*/reopening",
					"/api/admin/contests/*/exclusions", "/api/admin/contests/*/exclusions/**",
					"/api/admin/contests/*/award-log", "/api/admin/contests/*/integrity-flags")
			.hasAnyRole(COMMITTEE, ADMIN)
			.pathMatchers("/api/admin/**")
			.hasAnyRole(ORGANIZER, COMMITTEE, ADMIN)
			.pathMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.matchers(ScrapeOnManagementPort.INSTANCE)
			.permitAll()
			.pathMatchers("/actuator/**")
			.hasRole(ADMIN)
			.anyExchange()
			.permitAll())
			.authenticationManager(authentication)
			.securityContextRepository(sessions)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic((basic) -> basic.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.authenticationEntryPoint(this::unauthorized))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(this::unauthorized)
				.accessDeniedHandler((exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", null)))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
				// the page reads the cookie and sends it back as is
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(CsrfProtected.INSTANCE)
				.accessDeniedHandler(
						(exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", null)))
			.addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
			// after the role checks: a role refused is 403 whether the contest exists or
			// not
			.addFilterAfter(new ContestScopeFilter(accounts, this.problems), SecurityWebFiltersOrder.AUTHORIZATION)
			.cors((cors) -> cors.configurationSource(cors(properties.cors())))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.build();
	}

	/**
	 * No observation of each security filter, authentication and authorization: they
	 * wrapped every filter of every request in an observation (7 % of the request
	 * threads' time, docs/performance.md) for timers nothing reads. Each request is still
	 * observed as a whole ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	StaffUserDetails staffUserDetails(AccountService accounts, PasswordEncoder encoder) {
		return new StaffUserDetails(accounts, encoder);
	}

	@Bean
	PasswordHashing passwordHashing(SecurityProperties properties, MeterRegistry meters) {
		return new PasswordHashing(properties.passwordHashing(), meters);
	}

	@Bean
	StaffAuthentication staffAuthentication(StaffUserDetails users, PasswordEncoder encoder, PasswordHashing hashing,
			RateLimiter limiter) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		passwords.setPasswordEncoder(encoder);
		passwords.setScheduler(hashing.scheduler());
		return new StaffAuthentication(passwords, hashing, limiter);
	}

	@Bean
	SessionIds sessionIds() {
		return new SessionIds();
	}

	@Bean
	StaffSessions staffSessions(AccountService accounts) {
		return new StaffSessions(accounts);
	}

	private static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		return tokens;
	}

	/**
	 * Sets the CSRF cookie on {@code GET /api/session}, where the organizer page starts:
	 * Spring Security makes the token only when someone asks for it.
	 */
	private static WebFilter issueCsrfCookie() {
		ServerWebExchangeMatcher session = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/session");
		return (exchange, chain) -> session.matches(exchange).flatMap((match) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			if (!match.isMatch() || token == null) {
				return chain.filter(exchange);
			}
			return token.then(chain.filter(exchange));
		});
	}

	private static UrlBasedCorsConfigurationSource cors(SecurityProperties.Cors properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.allowedOrigins().isEmpty()) {
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOrigins(properties.allowedOrigins());
			// PUT: the exam page saves answers (PUT /api/attempts/{id}/answers)
			api.setAllowedMethods(List.of("GET", "POST", "PUT"));
			api.setAllowedHeaders(List.of("Content-Type", "Accept-Language", "X-Attempt-Token", "X-Device-Id"));
			api.setMaxAge(3600L);
			// only what citizens use: the admin API stays same-origin
			source.registerCorsConfiguration("/api/contests/**", api);
			source.registerCorsConfiguration("/api/attempts/**", api);
		}
		return source;
	}

	private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof StaffAuthentication.TooManyFailures tooMany) {
			RateLimitedException limited = tooMany.limited();
			return problem(exchange, HttpStatus.TOO_MANY_REQUESTS, limited.getCode(), limited.getHeaders(),
					limited.retryAfterSeconds());
		}
		return problem(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", null);
	}

	/**
	 * Refusals by the security filters, in the same problem+json shape as every other
	 * error.
	 */
	private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, HttpHeaders headers,
			Object... args) {
		// never a Basic challenge: a browser would show its own login dialog and then
		// send
		// the remembered credentials with any request to this site, another site's forged
		// ones included; scripts send their credentials without being asked (curl -u)
		HttpHeaders all = new HttpHeaders();
		if (headers != null) {
			all.addAll(headers);
		}
		HttpHeaders request = exchange.getRequest().getHeaders();
		if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// refused before its body was read: the connection is not used again
			all.set(HttpHeaders.CONNECTION, "close");
		}
		return this.problems.write(exchange, status, code, all, args);
	}

	/**
	 * Prometheus' scrape on the separate management port ({@code management.server.port},
	 * which a deployment keeps off the load balancer and the internet): open there, so
	 * that Prometheus needs no admin password. The same path on the main port, and every
	 * other endpoint on either port, stay the admin's.
	 */
	enum ScrapeOnManagementPort implements ServerWebExchangeMatcher {

		INSTANCE;

		private static final ServerWebExchangeMatcher SCRAPE = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET,
				"/actuator/prometheus");

		@Override
		public Mono<MatchResult> matches(ServerWebExchange exchange) {
			// a management port of its own is served by a child context of that
			// namespace;
			// with none, actuator shares the main port and its context
			if (!WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(),
					WebServerNamespace.MANAGEMENT.getValue())) {
				return MatchResult.notMatch();
			}
			return SCRAPE.matches(exchange);
		}

	}

	/**
	 * Which requests need the CSRF token: changes through the staff API or the session
	 * that a browser could be tricked into sending with its cookies, or with Basic
	 * credentials it remembers. Scripts with their own credentials, anonymous calls
	 * (refused with 401 anyway) and citizens' calls (no cookie authorizes anything there)
	 * need none.
	 */
	enum CsrfProtected implements ServerWebExchangeMatcher {

		INSTANCE;

		private static final ServerWebExchangeMatcher STAFF_API = ServerWebExchangeMatchers
			.pathMatchers("/api/admin/**", "/api/session", "/api/session/**");

		private static final ServerWebExchangeMatcher SESSION = ServerWebExchangeMatchers.pathMatchers("/api/session",
				"/api/session/**");

		@Override
		public Mono<MatchResult> matches(ServerWebExchange exchange) {
			ServerHttpRequest request = exchange.getRequest();
			HttpMethod method = request.getMethod();
			if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
					|| method == HttpMethod.TRACE) {
				return MatchResult.notMatch();
			}
			HttpHeaders headers = request.getHeaders();
			if (headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
				// browsers say where a request comes from; scripts do not
				String site = headers.getFirst("Sec-Fetch-Site");
				boolean fromAnotherSite = site != null && !"same-origin".equals(site) && !"none".equals(site);
				return fromAnotherSite ? STAFF_API.matches(exchange) : MatchResult.notMatch();
			}
			if (request.getCookies().containsKey(StaffSessions.COOKIE)) {
				return STAFF_API.matches(exchange);
			}
			return SESSION.matches(exchange);
		}

	}

}
