package org.civiquiz.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings.
 *
 * @param accounts the bootstrap accounts' passwords
 * @param cors the other sites allowed to call the citizens' API
 * @param trustedProxies how many reverse proxies of this deployment stand between the
 * clients and the app, each appending the address it saw to {@code X-Forwarded-For}: the
 * client's address is that many entries from the right (what a client writes there itself
 * stays further left, ignored); 0 (the default) takes the connection's peer
 * @param passwordHashing how many passwords are hashed at once
 * @param streams how long staff streams stay open
 */
@Validated
@ConfigurationProperties("civiquiz.security")
public record SecurityProperties(@NotNull @Valid Accounts accounts, @DefaultValue @NotNull @Valid Cors cors,
		@DefaultValue("0") @Min(0) @Max(5) int trustedProxies,
		@DefaultValue @NotNull @Valid PasswordHashing passwordHashing, @DefaultValue @NotNull @Valid Streams streams) {

	/**
	 * Staff streams (the live statistics): they end with the session that opened them.
	 *
	 * @param maxPerSession streams one session (or one account on HTTP Basic) may hold
	 * open at once on a replica; one more is refused with 429 {@code STREAMS_PER_SESSION}
	 * @param recheck how often an open stream checks that its session and account are
	 * still valid
	 * @param maxLifetime how long a stream lasts at most; the page then connects again
	 */
	public record Streams(@DefaultValue("5") @Min(1) int maxPerSession, @DefaultValue("5s") Duration recheck,
			@DefaultValue("1h") Duration maxLifetime) {
	}

	/**
	 * How many passwords are hashed at once: a burst of logins must not take the cores
	 * citizens' requests need.
	 *
	 * @param threads hashing threads; 0 (the default) is half the cores, at least one
	 * @param maxWaiting how many checks may wait, per hashing thread; beyond that a login
	 * is refused at once with 503 {@code LOGIN_BUSY} and {@code Retry-After}
	 */
	public record PasswordHashing(@DefaultValue("0") @Min(0) int threads, @DefaultValue("8") @Min(0) int maxWaiting) {
	}

	/**
	 * Passwords of the bootstrap accounts, from {@code CIVIQUIZ_ORGANIZER_PASSWORD},
	 * {@code CIVIQUIZ_COMMITTEE_PASSWORD} and {@code CIVIQUIZ_ADMIN_PASSWORD}. Each
	 * creates its account ({@code organizer}, {@code committee}, {@code admin}) on a
	 * start where the account does not exist; after that the admin manages accounts, and
	 * the variables are not read again unless {@code reset} is set. The embedded default
	 * generates any that are unset; elsewhere at least the admin's is needed on first
	 * start. There is no default password.
	 *
	 * @param organizerPassword the organizer account's first password
	 * @param committeePassword the committee account's first password
	 * @param adminPassword the admin account's first password
	 * @param reset set the configured passwords again on existing bootstrap accounts, and
	 * enable them (to recover a lost admin password)
	 */
	public record Accounts(@Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String organizerPassword,
			@Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String committeePassword,
			@Pattern(regexp = PASSWORD, message = PASSWORD_RULE) String adminPassword,
			@DefaultValue("false") boolean reset) {

		static final String PASSWORD = "^$|^.{12,72}$";

		static final String PASSWORD_RULE = "must be unset or 12 to 72 characters";

	}

	/**
	 * Cross-origin access, closed unless origins are listed.
	 *
	 * @param allowedOrigins origins (e.g. {@code https://thi.example.gov.vn}) whose pages
	 * may call the citizens' API; the staff API is never open to other origins
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
