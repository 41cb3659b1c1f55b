package org.civiquiz.load;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Organizers and committee members signing in as the staff page does: the CSRF cookie
 * from the session endpoint, then the login, then the session cookie on every request.
 * A login answered {@code 503 LOGIN_BUSY} (every password-hashing thread busy) is sent
 * again after its {@code Retry-After} and up to a second more, for at most
 * {@value #LOGIN_PATIENCE_MS} ms of waiting, as the page does. The whole sign-in, waits
 * included, is timed for {@link Results} (the campaign day's bound on sign-ins).
 */
final class Staff {

	/** As the page: how long a busy server's login is sent again, in ms of waiting. */
	static final long LOGIN_PATIENCE_MS = 90_000;

	private Staff() {
	}

	/**
	 * Each virtual staff member from an address of its own, in {@code X-Forwarded-For} as
	 * a proxy in front would send it (with {@code load.forwardedFor}): organizers of many
	 * districts, not one office, and the per-address login limit applies as in production.
	 */
	static ChainBuilder login(String username, String password) {
		HttpRequestActionBuilder login = http("login").post("/api/session")
			.header("X-XSRF-TOKEN", "#{xsrf}")
			.header("X-Forwarded-For", LoadParameters.FORWARDED_FOR ? "#{staffIp}" : "127.0.0.1")
			.body(StringBody("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.asJson()
			.check(status().in(200, 503).saveAs("loginStatus"), header("Retry-After").optional().saveAs("retryAfter"))
			// a 503 that is not the hashing's "busy, come back" is a failure
			.checkIf((response, session) -> response.status().code() == 503)
			.then(jsonPath("$.code").is("LOGIN_BUSY"));
		return exec((session) -> session
			.set("staffIp", "198.19.255." + (1 + Math.floorMod(session.userId(), 254)))
			.set("loginStatus", 0)
			.set("loginTries", 0)
			.set("loginWaited", 0L)
			.set("loginWait", 0L))
			.exec(http("session").get("/api/session").check(status().is(401)))
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
			.exec((session) -> session.set("signInFrom", System.currentTimeMillis()))
			// a wrong answer (a check failed) is not sent again
			.exec(asLongAs((session) -> !session.isFailed() && session.getInt("loginStatus") != 200
					&& session.getLong("loginWaited") <= LOGIN_PATIENCE_MS)
				.on(pause((session) -> Duration.ofMillis(session.getLong("loginWait")))
					.exec(login)
					.exec((session) -> {
						long wait = retryAfter(session);
						return session.set("loginTries", session.getInt("loginTries") + 1)
							.set("loginWait", wait)
							.set("loginWaited", session.getLong("loginWaited") + wait);
					})))
			.exec((session) -> {
				if (session.isFailed() || session.getInt("loginStatus") != 200) {
					Results.signInGaveUp();
					return session.markAsFailed();
				}
				Results.signedIn(System.currentTimeMillis() - session.getLong("signInFrom"), session.getInt("loginTries"));
				return session;
			})
			.exitHereIfFailed();
	}

	/** The server's {@code Retry-After} (2 s if absent) and up to a second more, in ms, as the page waits. */
	private static long retryAfter(Session session) {
		long seconds = 2;
		if (session.contains("retryAfter")) {
			try {
				seconds = Long.parseLong(session.getString("retryAfter").trim());
			}
			catch (NumberFormatException ex) {
				// an HTTP date: the default
			}
		}
		return seconds * 1000 + ThreadLocalRandom.current().nextLong(1000);
	}

}
