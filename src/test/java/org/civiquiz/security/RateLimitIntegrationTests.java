package org.civiquiz.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.participant.verification.PhoneCodeFixtures;
import org.civiquiz.participant.verification.PhoneCodeSender;
import org.civiquiz.platform.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit refuses with 429, {@code Retry-After} and nothing written, and lets the
 * client in again once that time has passed. Small buckets here (their own app context,
 * on the same embedded servers); each test is its own client address, forwarded as a
 * trusted proxy would. The app's clock is moved past each {@code Retry-After}.
 */
@IntegrationTest
@TestPropertySource(properties = { "civiquiz.security.trusted-proxies=1", "civiquiz.rate-limits.timeout=5s",
		"civiquiz.rate-limits.start-per-ip.capacity=3", "civiquiz.rate-limits.start-per-ip.period=30s",
		"civiquiz.rate-limits.start-per-phone.capacity=1", "civiquiz.rate-limits.start-per-phone.period=1h",
		"civiquiz.rate-limits.submit-per-token.capacity=2", "civiquiz.rate-limits.submit-per-token.period=20s",
		"civiquiz.rate-limits.login-failures-per-ip.capacity=3",
		"civiquiz.rate-limits.login-failures-per-ip.period=30s", "civiquiz.rate-limits.verify-per-ip.capacity=2",
		"civiquiz.rate-limits.verify-per-ip.period=30s", "civiquiz.rate-limits.certificate-per-ip.capacity=1",
		"civiquiz.rate-limits.certificate-per-ip.period=30s" })
class RateLimitIntegrationTests {

	@Autowired
	private MovableClock clock;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ContestService contests;

	@Autowired
	private PhoneCodeSender sender;

	@Test
	void startsFromOneAddressAreLimitedThenLetInAgain() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			start(address, ExamFixtures.newPhone()).expectStatus().isCreated();
		}
		long attempts = attempts();
		String phone = ExamFixtures.newPhone();
		long retryAfter = refused(start(address, phone));
		assertThat(attempts()).isEqualTo(attempts);
		assertThat(participants(phone)).isZero();

		// another address is not held up by this one, and what a client writes in
		// X-Forwarded-For itself (left of what the proxy appends) changes nothing
		start(newAddress(), ExamFixtures.newPhone()).expectStatus().isCreated();
		refused(start(newAddress() + ", " + address, ExamFixtures.newPhone()));

		this.clock.advance(Duration.ofSeconds(retryAfter));
		start(address, phone).expectStatus().isCreated();
	}

	@Test
	void startsWithOnePhoneAreLimitedHoweverTheNumberIsWritten() {
		String phone = ExamFixtures.newPhone();
		start(newAddress(), phone).expectStatus().isCreated();
		String international = "+84 " + phone.substring(1);
		long retryAfter = refused(start(newAddress(), international));
		assertThat(retryAfter).isGreaterThan(60);
	}

	@Test
	void refusedRegistrationsUseUpNeitherThePhonesNorTheAddressesStarts() {
		String address = newAddress();
		String phone = ExamFixtures.newPhone();
		Map<String, Object> junk = new java.util.HashMap<>(ExamFixtures.registration(phone));
		junk.put("fullName", "");
		// ten times the phone's bucket, more than three times the address's
		for (int i = 0; i < 10; i++) {
			start(address, junk).expectStatus().isBadRequest();
		}
		start(address, ExamFixtures.registration(phone)).expectStatus().isCreated();
	}

	@Test
	void startsRefusedForWantOfAVerifiedPhoneUseUpNoneOfThePhonesStarts() {
		String slug = ContestFixtures.openContest(this.contests, "limits-phone-" + System.nanoTime() % 1_000_000,
				List.of(), List.of(new NewUnit("HP-LMHTX", "Liên minh", null, null)), PhoneVerification.REQUIRED);
		String phone = ExamFixtures.newPhone();
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("district", "Quận Lê Chân");
		// anyone may type someone else's phone: three times the phone's bucket
		for (int i = 0; i < 3; i++) {
			start(slug, newAddress(), registration).expectStatus().isForbidden();
		}
		registration.put("phoneToken", PhoneCodeFixtures.phoneToken(this.client, this.sender, slug, phone));
		start(slug, newAddress(), registration).expectStatus().isCreated();
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() {
		for (int i = 0; i < 3; i++) {
			start("2001:db8:5:7::" + (i + 1), ExamFixtures.newPhone()).expectStatus().isCreated();
		}
		// another address in the same /64 is the same client
		refused(start("2001:db8:5:7:ffff::9", ExamFixtures.newPhone()));
		start("2001:db8:5:8::1", ExamFixtures.newPhone()).expectStatus().isCreated();
	}

	@Test
	void submissionsWithOneTokenAreLimitedThenLetInAgainWithTheSameResult() {
		AttemptStarted attempt = ExamFixtures.started(this.client, ExamFixtures.newPhone());
		Map<String, Object> body = Map.of("answers", java.util.List.of(), "prediction", 100);
		String first = submit(attempt, body).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		submit(attempt, body).expectStatus().isOk();
		long retryAfter = refused(submit(attempt, body));

		this.clock.advance(Duration.ofSeconds(retryAfter));
		String again = submit(attempt, body).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void failedLoginsFromOneAddressAreLimitedEvenWithTheRightPasswordThenLetInAgain() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			basic(address, "mat-khau-sai-" + i).expectStatus().isUnauthorized();
		}
		long retryAfter = refused(basic(address, IntegrationTest.ORGANIZER_PASSWORD));
		basic(newAddress(), IntegrationTest.ORGANIZER_PASSWORD).expectStatus().isOk();
		// the right password gives its token back: logins that succeed are never limited
		String office = newAddress();
		for (int i = 0; i < 5; i++) {
			basic(office, IntegrationTest.ORGANIZER_PASSWORD).expectStatus().isOk();
		}

		this.clock.advance(Duration.ofSeconds(retryAfter));
		basic(address, IntegrationTest.ORGANIZER_PASSWORD).expectStatus().isOk();
	}

	@Test
	void certificateCodesAndDownloadsFromOneAddressAreLimited() {
		String address = newAddress();
		for (int i = 0; i < 2; i++) {
			verify(address).expectStatus().isNotFound();
		}
		long retryAfter = refused(verify(address));
		verify(newAddress()).expectStatus().isNotFound();
		this.clock.advance(Duration.ofSeconds(retryAfter));
		verify(address).expectStatus().isNotFound();

		String downloader = newAddress();
		certificate(downloader).expectStatus().is4xxClientError();
		refused(certificate(downloader));
	}

	private WebTestClient.ResponseSpec verify(String address) {
		return this.client.get()
			.uri("/api/certificates/{code}", "7K3QM-2XHD9-0AB1C-DEFGH")
			.header("X-Forwarded-For", address)
			.exchange();
	}

	private WebTestClient.ResponseSpec certificate(String address) {
		return this.client.get()
			.uri("/api/attempts/{id}/certificate", java.util.UUID.randomUUID())
			.header("X-Forwarded-For", address)
			.header("X-Attempt-Token", "x")
			.exchange();
	}

	private long refused(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("RATE_LIMITED")
			.returnResult();
		String retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).isNotNull();
		long seconds = Long.parseLong(retryAfter);
		assertThat(seconds).isPositive();
		assertThat(new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
			.contains(retryAfter);
		return seconds;
	}

	private WebTestClient.ResponseSpec start(String address, String phone) {
		return start(address, ExamFixtures.registration(phone));
	}

	private WebTestClient.ResponseSpec start(String address, Map<String, Object> registration) {
		return start(IntegrationTest.CONTEST, address, registration);
	}

	private WebTestClient.ResponseSpec start(String slug, String address, Map<String, Object> registration) {
		return this.client.post()
			.uri("/api/contests/{slug}/attempts", slug)
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange();
	}

	private WebTestClient.ResponseSpec submit(AttemptStarted attempt, Object body) {
		return ExamFixtures.submit(this.client, attempt, body);
	}

	private WebTestClient.ResponseSpec basic(String address, String password) {
		return this.client.get()
			.uri("/api/admin/contests")
			.header("X-Forwarded-For", address)
			.header("X-Requested-With", "XMLHttpRequest")
			.headers((headers) -> headers.setBasicAuth("organizer", password))
			.exchange();
	}

	private long attempts() {
		return this.database.sql("select count(*) from attempt").map((row) -> row.get(0, Long.class)).one().block();
	}

	private long participants(String phone) {
		return this.database.sql("select count(*) from participant where phone = :phone")
			.bind("phone", "+84" + phone.substring(1))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	/** The app's clock, moved past a {@code Retry-After} instead of sleeping it out. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
