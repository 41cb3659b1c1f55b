package org.civiquiz.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.civiquiz.IntegrationTest;
import org.civiquiz.platform.embedded.EmbeddedServers;
import org.civiquiz.security.account.AccountService;
import org.civiquiz.security.session.StaffSessions;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The browser's way in: a session cookie kept in Redis, a CSRF token for every change,
 * and accounts managed by the admin taking effect on open sessions at once.
 */
@IntegrationTest
class SessionIntegrationTests {

	private static final String STREAM = "/api/admin/contests/" + IntegrationTest.CONTEST + "/stats/stream";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private AccountService accounts;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void aLoginNeedsTheCsrfTokenThatTheSessionEndpointHandsOut() {
		EntityExchangeResult<byte[]> anonymous = this.client.get()
			.uri("/api/session")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHORIZED")
			.returnResult();
		ResponseCookie csrf = anonymous.getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(csrf).isNotNull();
		assertThat(csrf.isHttpOnly()).isFalse();

		this.client.post()
			.uri("/api/session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "organizer", "password", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CSRF_TOKEN_INVALID");
	}

	@Test
	void aSessionIsKeptInRedisAndEndsAtLogout() {
		Browser browser = new Browser();
		EntityExchangeResult<String> login = browser.login("organizer", IntegrationTest.ORGANIZER_PASSWORD);
		assertThat(login.getStatus().value()).isEqualTo(200);
		assertThat(login.getResponseBody()).contains("\"username\":\"organizer\"")
			.contains("\"roles\":[\"ORGANIZER\"]");
		ResponseCookie first = login.getResponseCookies().getFirst(StaffSessions.COOKIE);
		assertThat(first).isNotNull();
		assertThat(first.isHttpOnly()).isTrue();
		assertThat(first.getSameSite()).isEqualToIgnoringCase("Strict");
		// each login gets a new session id, never one the browser had before
		browser.loginOk("organizer", IntegrationTest.ORGANIZER_PASSWORD);
		assertThat(browser.sessionCookie).isNotEqualTo(first.getValue());
		String session = browser.sessionCookie;
		StepVerifier.create(this.redis.hasKey("civiquiz:session:sessions:" + session))
			.expectNext(true)
			.verifyComplete();

		browser.get("/api/session").expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("organizer");
		browser.get("/api/admin/contests").expectStatus().isOk();
		// the page's calls carry the session; a change needs the token as well
		browser.withoutCsrf()
			.put("/api/admin/contests/" + IntegrationTest.CONTEST + "/prize-plan", "{}")
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CSRF_TOKEN_INVALID");
		browser.put("/api/admin/contests/khong-co/prize-plan", "{}").expectStatus().isNotFound();

		browser.delete("/api/session").expectStatus().isNoContent();
		browser.get("/api/admin/contests").expectStatus().isUnauthorized();
		StepVerifier.create(this.redis.hasKey("civiquiz:session:sessions:" + session))
			.expectNext(false)
			.verifyComplete();
	}

	@Test
	void aBurstOfLoginsBeyondTheHashingThreadsIsRefusedAtOnceWithRetryAfter() throws Exception {
		int logins = 64;
		List<Browser> browsers = new ArrayList<>();
		for (int i = 0; i < logins; i++) {
			browsers.add(new Browser());
		}
		ExecutorService pool = Executors.newFixedThreadPool(logins);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<EntityExchangeResult<String>>> results = new ArrayList<>();
		try {
			for (Browser browser : browsers) {
				results.add(pool.submit(() -> {
					go.await();
					return browser.login("organizer", IntegrationTest.ORGANIZER_PASSWORD);
				}));
			}
			go.countDown();
			List<EntityExchangeResult<String>> answers = new ArrayList<>();
			for (Future<EntityExchangeResult<String>> result : results) {
				answers.add(result.get(60, TimeUnit.SECONDS));
			}
			// half the cores hash, eight wait: the rest are told to come back, not queued
			assertThat(answers).extracting((answer) -> answer.getStatus().value())
				.containsOnly(200, 503)
				.contains(200, 503);
			for (EntityExchangeResult<String> busy : answers) {
				if (busy.getStatus().value() == 503) {
					assertThat(busy.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
					assertThat(busy.getResponseHeaders().getContentType())
						.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
					assertThat(busy.getResponseBody()).contains("\"code\":\"LOGIN_BUSY\"");
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		// and once the burst is over, the next login goes through
		new Browser().loginOk("organizer", IntegrationTest.ORGANIZER_PASSWORD);
	}

	@Test
	void aLiveStreamEndsWithTheLogoutOfItsSession() {
		Browser browser = new Browser();
		browser.loginOk("organizer", IntegrationTest.ORGANIZER_PASSWORD);
		StepVerifier.create(stream(browser))
			.expectNextMatches((event) -> "stats".equals(event.event()))
			.then(() -> browser.delete("/api/session").expectStatus().isNoContent())
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aLiveStreamEndsWhenAnAdminDisablesTheAccount() {
		String username = "stream-watcher-" + System.nanoTime() % 1_000_000;
		String password = "watching-the-figures-1";
		this.accounts.create(new AccountService.NewAccount(username, Role.ORGANIZER, password)).block();
		Browser browser = new Browser();
		browser.loginOk(username, password);
		StepVerifier.create(stream(browser))
			.expectNextMatches((event) -> "stats".equals(event.event()))
			.then(() -> this.accounts.update(username, new AccountService.AccountChange(null, false, null)).block())
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aSessionHoldsAFewLiveStreamsAtOnce() {
		Browser browser = new Browser();
		browser.loginOk("organizer", IntegrationTest.ORGANIZER_PASSWORD);
		List<Disposable> open = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				open.add(stream(browser).subscribe());
			}
			browser.get(STREAM)
				.expectStatus()
				.isEqualTo(429)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("STREAMS_PER_SESSION");
			// a tab closed makes room for another
			open.remove(0).dispose();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				Flux<ServerSentEvent<String>> next = browser.get(STREAM).returnResult(EVENT).getResponseBody();
				try {
					return next.blockFirst(Duration.ofSeconds(5)) != null;
				}
				catch (RuntimeException refused) {
					return false;
				}
			});
		}
		finally {
			open.forEach(Disposable::dispose);
		}
	}

	private Flux<ServerSentEvent<String>> stream(Browser browser) {
		return browser.get(STREAM)
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.event() != null);
	}

	@Test
	void duringARedisOutageASessionGetsAProblemAndScriptsGoOn() {
		Browser browser = new Browser();
		browser.loginOk("organizer", IntegrationTest.ORGANIZER_PASSWORD);
		EmbeddedServers.stopRedis();
		try {
			browser.get("/api/admin/contests")
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("TEMPORARILY_UNAVAILABLE");
			// HTTP Basic needs no session, and the login limits let it through unchecked
			this.client.get()
				.uri("/api/admin/contests")
				.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
				.exchange()
				.expectStatus()
				.isOk();
		}
		finally {
			EmbeddedServers.restartRedis();
		}
	}

	@Test
	void aWrongPasswordGivesNoSessionAndNoHintWhichPartWasWrong() {
		Browser browser = new Browser();
		EntityExchangeResult<String> wrongPassword = browser.login("organizer", "not-the-password-1");
		EntityExchangeResult<String> unknownUser = new Browser().login("khong-co-ai", "not-the-password-1");
		assertThat(wrongPassword.getStatus().value()).isEqualTo(401);
		assertThat(unknownUser.getStatus().value()).isEqualTo(401);
		assertThat(wrongPassword.getResponseBody()).contains("LOGIN_FAILED");
		assertThat(unknownUser.getResponseBody()).isEqualTo(wrongPassword.getResponseBody());
		assertThat(browser.sessionCookie).isNull();
	}

	@Test
	void theAdminCreatesAnAccountWhoseRoleAppliesAtOnce() {
		String username = "bgk-" + UUID.randomUUID().toString().substring(0, 8);
		Browser admin = new Browser();
		admin.loginOk("admin", IntegrationTest.ADMIN_PASSWORD);
		admin
			.post("/api/admin/accounts",
					Map.of("username", username, "role", "COMMITTEE", "password", "mật-khẩu-rất-dài-1"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(username)
			.jsonPath("$.role")
			.isEqualTo("COMMITTEE")
			.jsonPath("$.passwordHash")
			.doesNotExist();
		String hash = this.database.sql("select password_hash from account where username = :u")
			.bind("u", username)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("mật-khẩu");

		Browser member = new Browser();
		member.loginOk(username, "mật-khẩu-rất-dài-1");
		member.get("/api/admin/contests/" + IntegrationTest.CONTEST + "/award-log").expectStatus().isOk();

		// made an organizer: the open session loses the committee's pages at once
		admin.put("/api/admin/accounts/" + username, Map.of("role", "ORGANIZER")).expectStatus().isOk();
		member.get("/api/admin/contests/" + IntegrationTest.CONTEST + "/award-log").expectStatus().isUnauthorized();
		member.loginOk(username, "mật-khẩu-rất-dài-1");
		member.get("/api/admin/contests/" + IntegrationTest.CONTEST + "/award-log").expectStatus().isForbidden();

		// disabled: the session ends, and neither the login nor HTTP Basic works
		admin.put("/api/admin/accounts/" + username, Map.of("enabled", false)).expectStatus().isOk();
		member.get("/api/session").expectStatus().isUnauthorized();
		assertThat(new Browser().login(username, "mật-khẩu-rất-dài-1").getStatus().value()).isEqualTo(401);
		this.client.get()
			.uri("/api/admin/contests")
			.headers((headers) -> headers.setBasicAuth(username, "mật-khẩu-rất-dài-1", StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
		String username = "btc-" + UUID.randomUUID().toString().substring(0, 8);
		createAccount(username, "ORGANIZER", "mat-khau-ban-dau-1");
		Browser here = new Browser();
		here.loginOk(username, "mat-khau-ban-dau-1");
		Browser elsewhere = new Browser();
		elsewhere.loginOk(username, "mat-khau-ban-dau-1");

		here.put("/api/session/password",
				Map.of("currentPassword", "sai-mat-khau-123", "newPassword", "mat-khau-moi-12"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CURRENT_PASSWORD_WRONG");
		here.put("/api/session/password",
				Map.of("currentPassword", "mat-khau-ban-dau-1", "newPassword", "mat-khau-moi-123"))
			.expectStatus()
			.isNoContent();

		here.get("/api/session").expectStatus().isOk();
		elsewhere.get("/api/session").expectStatus().isUnauthorized();
		this.client.get()
			.uri("/api/admin/contests")
			.headers((headers) -> headers.setBasicAuth(username, "mat-khau-moi-123"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void badAccountsAreRefusedWithTheFieldsAtFault() {
		Browser admin = new Browser();
		admin.loginOk("admin", IntegrationTest.ADMIN_PASSWORD);
		admin.post("/api/admin/accounts", Map.of("username", "Ông Ba", "role", "ORGANIZER", "password", "ngắn"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[?(@.field == 'username')].code")
			.isEqualTo("USERNAME_INVALID")
			.jsonPath("$.errors[?(@.field == 'password')].code")
			.isEqualTo("PASSWORD_INVALID");
		admin
			.post("/api/admin/accounts",
					Map.of("username", "organizer", "role", "ORGANIZER", "password", "mot-mat-khau-dai"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ACCOUNT_EXISTS");
		admin
			.post("/api/admin/accounts",
					Map.of("username", "thu-ky-01", "role", "ORGANIZER", "password", "thu-ky-01-mat-khau"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("PASSWORD_CONTAINS_USERNAME");
	}

	@Test
	void theLastAdminCanBeNeitherDisabledNorDemoted() {
		Browser admin = new Browser();
		admin.loginOk("admin", IntegrationTest.ADMIN_PASSWORD);
		admin.put("/api/admin/accounts/admin", Map.of("enabled", false))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("LAST_ADMIN");
		admin.put("/api/admin/accounts/admin", Map.of("role", "ORGANIZER")).expectStatus().isEqualTo(409);
		admin.get("/api/session").expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("ADMIN");
	}

	@Test
	void theBootstrapAccountsExistWithHashedPasswords() {
		List<String> rows = this.database
			.sql("select username || ' ' || role || ' ' || left(password_hash, 8) "
					+ "from account where username in ('organizer', 'committee', 'admin') order by username")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
		assertThat(rows).containsExactly("admin ADMIN {bcrypt}", "committee COMMITTEE {bcrypt}",
				"organizer ORGANIZER {bcrypt}");
	}

	private void createAccount(String username, String role, String password) {
		this.client.post()
			.uri("/api/admin/accounts")
			.headers((headers) -> headers.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "role", role, "password", password))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * What the organizer page does: keeps the cookies, sends the CSRF cookie's value in
	 * {@code X-XSRF-TOKEN} with every change.
	 */
	private final class Browser {

		private String csrf;

		private String sessionCookie;

		private boolean sendCsrf = true;

		Browser() {
			ResponseCookie cookie = SessionIntegrationTests.this.client.get()
				.uri("/api/session")
				.exchange()
				.returnResult(byte[].class)
				.getResponseCookies()
				.getFirst("XSRF-TOKEN");
			this.csrf = (cookie != null) ? cookie.getValue() : null;
		}

		Browser withoutCsrf() {
			Browser copy = new Browser();
			copy.sessionCookie = this.sessionCookie;
			copy.sendCsrf = false;
			return copy;
		}

		EntityExchangeResult<String> login(String username, String password) {
			EntityExchangeResult<String> result = post("/api/session",
					Map.of("username", username, "password", password))
				.expectBody(String.class)
				.returnResult();
			ResponseCookie session = result.getResponseCookies().getFirst(StaffSessions.COOKIE);
			if (session != null) {
				this.sessionCookie = session.getValue();
			}
			return result;
		}

		void loginOk(String username, String password) {
			assertThat(login(username, password).getStatus().value()).isEqualTo(200);
		}

		WebTestClient.ResponseSpec get(String path) {
			return request(SessionIntegrationTests.this.client.get().uri(path)).exchange();
		}

		WebTestClient.ResponseSpec delete(String path) {
			return request(SessionIntegrationTests.this.client.delete().uri(path)).exchange();
		}

		WebTestClient.ResponseSpec post(String path, Object body) {
			return ((WebTestClient.RequestBodySpec) request(SessionIntegrationTests.this.client.post().uri(path)))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange();
		}

		WebTestClient.ResponseSpec put(String path, Object body) {
			return ((WebTestClient.RequestBodySpec) request(SessionIntegrationTests.this.client.put().uri(path)))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange();
		}

		private WebTestClient.RequestHeadersSpec<?> request(WebTestClient.RequestHeadersSpec<?> request) {
			request.header("X-Requested-With", "XMLHttpRequest");
			if (this.csrf != null) {
				request.cookie("XSRF-TOKEN", this.csrf);
				if (this.sendCsrf) {
					request.header("X-XSRF-TOKEN", this.csrf);
				}
			}
			if (this.sessionCookie != null) {
				request.cookie(StaffSessions.COOKIE, this.sessionCookie);
			}
			return request;
		}

	}

}
