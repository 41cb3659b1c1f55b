package org.civiquiz.security;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser shows its own login dialog on a 401 with a Basic challenge, then remembers
 * the credentials: the API never sends one.
 */
@IntegrationTest
class BasicChallengeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aScriptsRequestGetsTheProblemWithoutABasicChallenge() {
		this.client.get()
			.uri("/api/admin/contests/{slug}/stats", IntegrationTest.CONTEST)
			.header("X-Requested-With", "XMLHttpRequest")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist("WWW-Authenticate")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void aBrowsersPlainRequestGetsNoChallengeEither() {
		// a challenge would make the browser remember the credentials and send them along
		// with any request to the site, another site's forged ones included
		this.client.get()
			.uri("/api/admin/contests/{slug}/stats", IntegrationTest.CONTEST)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist("WWW-Authenticate");
	}

	@Test
	void wrongCredentialsFromAScriptGetNoChallengeEither() {
		this.client.get()
			.uri("/api/admin/contests/{slug}/stats", IntegrationTest.CONTEST)
			.header("X-Requested-With", "XMLHttpRequest")
			.headers((headers) -> headers.setBasicAuth("organizer", "wrong-password-1"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist("WWW-Authenticate");
	}

}
