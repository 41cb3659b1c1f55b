package org.civiquiz.security;

import org.civiquiz.platform.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ORGANIZER = "ORGANIZER";

	static final String COMMITTEE = "COMMITTEE";

	static final String ADMIN = "ADMIN";

	private static final String X_REQUESTED_WITH = "X-Requested-With";

	private static final String XML_HTTP_REQUEST = "XMLHttpRequest";

	private final JsonMapper json;

	private final Problems problems;

	SecurityConfiguration(JsonMapper json, Problems problems) {
		this.json = json;
		this.problems = problems;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		// the web pages (built from frontend/) are public: the organizer page asks for
		// credentials itself and sends them with its calls to the admin API
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/", "/index.html", "/admin.html", "/assets/**", "/favicon.svg", "/favicon.ico")
				.permitAll()
				.pathMatchers("/api/admin/contests/*/questions", "/api/admin/contests/*/questions/**",
						"/api/admin/contests/*/rebuild")
				.hasAnyRole(ORGANIZER, ADMIN)
				.pathMatchers(HttpMethod.PUT, "/api/admin/contests/*/prize-plan", "/api/admin/contests/*")
				.hasAnyRole(ORGANIZER, ADMIN)
				.pathMatchers(HttpMethod.POST, "/api/admin/contests")
				.hasAnyRole(ORGANIZER, ADMIN)
				.pathMatchers("/api/admin/contests/*/integrity-flags")
				.hasAnyRole(COMMITTEE, ADMIN)
				// winners carry contact details: the committee's (and the admin's) only
				.pathMatchers("/api/admin/contests/*/winners", "/api/admin/contests/*/finalization",
						"/api/admin/contests/*/reopening", "/api/admin/contests/*/rounds/*/winners",
						"/api/admin/contests/*/rounds/*/finalization", "/api/admin/contests/*/rounds/*/reopening",
						"/api/admin/contests/*/exclusions", "/api/admin/contests/*/exclusions/**",
						"/api/admin/contests/*/award-log")
				.hasAnyRole(COMMITTEE, ADMIN)
				.pathMatchers("/api/admin/**")
				.hasAnyRole(ORGANIZER, COMMITTEE, ADMIN)
				.pathMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole(ADMIN)
				.anyExchange()
				.permitAll())
			.httpBasic((basic) -> basic
				.authenticationEntryPoint((exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"))
				.accessDeniedHandler((exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN")))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// the admin API is called with HTTP Basic, citizens' calls carry no cookie:
			// no CSRF surface yet
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	MapReactiveUserDetailsService userDetailsService(SecurityProperties properties, PasswordEncoder encoder) {
		SecurityProperties.Accounts accounts = properties.accounts();
		return new MapReactiveUserDetailsService(
				User.withUsername("organizer")
					.password(encoder.encode(accounts.organizerPassword()))
					.roles(ORGANIZER)
					.build(),
				User.withUsername("committee")
					.password(encoder.encode(accounts.committeePassword()))
					.roles(COMMITTEE)
					.build(),
				User.withUsername("admin").password(encoder.encode(accounts.adminPassword())).roles(ADMIN).build());
	}

	/**
	 * Refusals by the security filters, in the same problem+json shape as every other
	 * error.
	 */
	private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		// a script's request (X-Requested-With, as the web pages send) gets no Basic
		// challenge: the browser would show its own login dialog
		boolean script = XML_HTTP_REQUEST.equals(exchange.getRequest().getHeaders().getFirst(X_REQUESTED_WITH));
		if (status == HttpStatus.UNAUTHORIZED && !script) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Civiquiz\"");
		}
		ProblemDetail problem = this.problems.create(status, code, exchange);
		DataBuffer buffer = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(buffer));
	}

}
