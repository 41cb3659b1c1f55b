package org.civiquiz.security.session;

import java.util.List;

import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.security.account.AccountException;
import org.civiquiz.security.account.AccountScope;
import org.civiquiz.security.account.AccountService;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Staff login for the browser: a session cookie (HttpOnly, in Redis) plus the CSRF token
 * cookie that the page echoes in {@code X-XSRF-TOKEN}. Scripts use HTTP Basic instead and
 * need neither.
 */
@RestController
class SessionController {

	private final ReactiveAuthenticationManager authentication;

	private final AccountService accounts;

	private final StaffSessions sessions;

	SessionController(ReactiveAuthenticationManager authentication, AccountService accounts, StaffSessions sessions) {
		this.authentication = authentication;
		this.accounts = accounts;
		this.sessions = sessions;
	}

	/**
	 * Who is logged in: 200 with the account, or 401. Also hands out the CSRF cookie.
	 */
	@GetMapping("/api/session")
	Mono<Me> me() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.flatMap(this::me)
			.switchIfEmpty(Mono.error(AccountException::notLoggedIn));
	}

	@PostMapping("/api/session")
	Mono<Me> login(@RequestBody Login login, ServerWebExchange exchange) {
		if (login.username() == null || login.username().isBlank() || login.password() == null
				|| login.password().isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(List
				.of(new FieldProblem((login.username() == null || login.username().isBlank()) ? "username" : "password",
						"FIELD_REQUIRED"))));
		}
		return authenticate(login.username(), login.password())
			.flatMap((authenticated) -> this.sessions.start(exchange, authenticated.getName()).then(me(authenticated)));
	}

	@DeleteMapping("/api/session")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> logout(ServerWebExchange exchange) {
		return StaffSessions.end(exchange);
	}

	/**
	 * Changes the logged-in person's own password; their other sessions end, this one
	 * goes on.
	 */
	@PutMapping("/api/session/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(@RequestBody PasswordChange change, ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.switchIfEmpty(Mono.error(AccountException::notLoggedIn))
			.flatMap((authentication) -> authenticate(authentication.getName(), change.currentPassword())
				.onErrorMap((ex) -> ex instanceof AccountException, (ex) -> AccountException.currentPasswordWrong()))
			.flatMap((authentication) -> this.accounts.changeOwnPassword(authentication.getName(), change.newPassword())
				.flatMap((generation) -> exchange.getRequest().getCookies().containsKey(StaffSessions.COOKIE)
						? StaffSessions.renew(exchange, authentication.getName(), generation) : Mono.empty()));
	}

	/**
	 * Checks a password the way HTTP Basic does, failures counted.
	 */
	private Mono<Authentication> authenticate(String username, String password) {
		return this.authentication
			.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(username, (password != null) ? password : ""))
			.onErrorMap(StaffAuthentication.TooManyFailures.class, StaffAuthentication.TooManyFailures::limited)
			.onErrorMap(AuthenticationException.class, (ex) -> AccountException.loginFailed());
	}

	private Mono<Me> me(Authentication authentication) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
		return this.accounts.find(authentication.getName())
			.map((account) -> new Me(authentication.getName(), roles, account.scope()));
	}

	/**
	 * A login.
	 *
	 * @param username the account name
	 * @param password its password
	 */
	record Login(String username, String password) {
	}

	/**
	 * A change of one's own password.
	 *
	 * @param currentPassword the password now
	 * @param newPassword the new one
	 */
	record PasswordChange(String currentPassword, String newPassword) {
	}

	/**
	 * The logged-in account.
	 *
	 * @param username its name
	 * @param roles its roles (one today)
	 * @param scope the contests (and units) it may see; {@code null} for every contest
	 */
	record Me(String username, List<String> roles, AccountScope scope) {
	}

}
