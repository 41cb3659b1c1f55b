package org.civiquiz.load;

import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Organizers and committee members signing in as the staff page does: the CSRF cookie
 * from the session endpoint, then the login, then the session cookie on every request.
 */
final class Staff {

	private Staff() {
	}

	/**
	 * Each virtual staff member from an address of its own, in {@code X-Forwarded-For} as
	 * a proxy in front would send it (with {@code load.forwardedFor}): organizers of many
	 * districts, not one office, and the per-address login limit applies as in production.
	 */
	static ChainBuilder login(String username, String password) {
		return exec((session) -> session.set("staffIp",
				"198.19.255." + (1 + Math.floorMod(session.userId(), 254))))
			.exec(http("session").get("/api/session").check(status().is(401)))
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
			.exec(http("login").post("/api/session")
				.header("X-XSRF-TOKEN", "#{xsrf}")
				.header("X-Forwarded-For", LoadParameters.FORWARDED_FOR ? "#{staffIp}" : "127.0.0.1")
				.body(StringBody("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
				.asJson()
				.check(status().is(200)))
			.exitHereIfFailed();
	}

}
