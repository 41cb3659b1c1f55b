package org.civiquiz.participant.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.exam.ExamFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.send;
import static org.civiquiz.participant.verification.PhoneCodeFixtures.verify;
import static org.civiquiz.participant.verification.PhoneVerificationIntegrationTests.problem;

/**
 * Codes sent through an HTTP gateway (a test server on 127.0.0.1), with small limits and
 * a short life: the limits per phone and per address refuse with 429 and
 * {@code Retry-After}, a code expires, and a gateway that fails costs the person nothing
 * and leaves no code behind. Their own app context, on the same embedded servers; each
 * test is its own client address, forwarded as a trusted proxy would.
 */
@IntegrationTest
@TestPropertySource(properties = { "civiquiz.security.trusted-proxies=1", "civiquiz.rate-limits.timeout=5s",
		"civiquiz.rate-limits.phone-code-per-phone.capacity=3", "civiquiz.rate-limits.phone-code-per-phone.period=10m",
		"civiquiz.rate-limits.phone-code-per-ip.capacity=4", "civiquiz.rate-limits.phone-code-per-ip.period=10m",
		"civiquiz.phone-verification.code-validity=3s", "civiquiz.phone-verification.sender=http",
		"civiquiz.phone-verification.http.api-key=Bearer test-key",
		"civiquiz.phone-verification.http.phone-format=national", "civiquiz.phone-verification.http.timeout=2s" })
class PhoneCodeLimitsIntegrationTests {

	private static final TestGateway gateway = TestGateway.start();

	private static final AtomicInteger contestNumber = new AtomicInteger();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	private String slug;

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("civiquiz.phone-verification.http.url", gateway::url);
	}

	@BeforeEach
	void verifyingContest() {
		this.slug = ContestFixtures.openContest(this.contests, "phone-limits-" + contestNumber.incrementAndGet(),
				List.of(), List.of(new NewUnit("L1", "Đơn vị Một", null, null)), PhoneVerification.REQUIRED);
	}

	@AfterEach
	void gatewayAnswersAgain() {
		gateway.reset();
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@Test
	void theGatewayGetsTheMessageAndTheCodeFromItWorks() {
		String phone = ExamFixtures.newPhone();
		send(this.client, this.slug, phone, newAddress()).expectStatus().isAccepted();
		TestGateway.Received received = gateway.last();
		assertThat(received.headers()).containsEntry("authorization", "Bearer test-key");
		JsonNode message = received.json();
		assertThat(message.path("phone").asString()).isEqualTo(phone);
		String text = message.path("message").asString();
		assertThat(text).matches("Mã xác minh Civiquiz của bạn là \\d{6}, hiệu lực 1 phút\\.");
		verify(this.client, this.slug, phone, text.replaceAll("\\D", "").substring(0, 6)).expectStatus().isOk();
	}

	@Test
	void aCodeExpires() throws InterruptedException {
		String phone = ExamFixtures.newPhone();
		Instant asked = Instant.now();
		EntityExchangeResult<byte[]> sent = send(this.client, this.slug, phone, newAddress()).expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult();
		assertThat(Instant
			.parse(JsonMapper.builder().build().readTree(sent.getResponseBody()).path("expiresAt").asString()))
			.isCloseTo(asked.plusSeconds(3), within(Duration.ofSeconds(2)));
		String code = code();
		Thread.sleep(3500);
		problem(verify(this.client, this.slug, phone, code), 409, "PHONE_CODE_EXPIRED");
	}

	@Test
	void aFailedGatewayCostsNothingAndLeavesNoCode() {
		String phone = ExamFixtures.newPhone();
		String address = newAddress();
		gateway.answer(HttpResponseStatus.INTERNAL_SERVER_ERROR);
		// more failures than the phone's or the address's bucket holds
		for (int i = 0; i < 5; i++) {
			WebTestClient.ResponseSpec refused = send(this.client, this.slug, phone, address);
			refused.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30");
			problem(refused, 503, "PHONE_CODE_NOT_SENT");
		}
		// the code the gateway did not take cannot be entered
		problem(verify(this.client, this.slug, phone, code()), 409, "PHONE_CODE_EXPIRED");

		gateway.reset();
		send(this.client, this.slug, phone, address).expectStatus().isAccepted();
		verify(this.client, this.slug, phone, code()).expectStatus().isOk();
	}

	@Test
	void aGatewayThatTimesOutMayHaveSentSoThePhonesOwnLimitIsNotGivenBack() {
		String phone = ExamFixtures.newPhone();
		gateway.answerAfter(Duration.ofSeconds(3));
		for (int i = 0; i < 3; i++) {
			problem(send(this.client, this.slug, phone, newAddress()), 503, "PHONE_CODE_NOT_SENT");
		}
		gateway.reset();
		// the phone's three codes are spent: nobody floods it by timing the gateway out
		refused(send(this.client, this.slug, phone, newAddress()));
		// the addresses got theirs back
		send(this.client, this.slug, ExamFixtures.newPhone(), newAddress()).expectStatus().isAccepted();
	}

	@Test
	void codesForOnePhoneAreLimitedHoweverTheNumberIsWritten() {
		String phone = ExamFixtures.newPhone();
		for (int i = 0; i < 3; i++) {
			send(this.client, this.slug, phone, newAddress()).expectStatus().isAccepted();
		}
		int sent = gateway.requests();
		long retryAfter = refused(send(this.client, this.slug, "+84 " + phone.substring(1), newAddress()));
		assertThat(retryAfter).isGreaterThan(60);
		assertThat(gateway.requests()).as("no message for a refused code").isEqualTo(sent);
		send(this.client, this.slug, ExamFixtures.newPhone(), newAddress()).expectStatus().isAccepted();
	}

	@Test
	void codesFromOneAddressAreLimitedByItsSlash64AndBadRequestsUseNothing() {
		String site = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
		String prefix = site + ":7:";
		for (int i = 0; i < 5; i++) {
			problem(send(this.client, this.slug, "12345", prefix + ":1"), 400, "VALIDATION_FAILED");
		}
		for (int i = 0; i < 4; i++) {
			send(this.client, this.slug, ExamFixtures.newPhone(), prefix + ":" + (i + 1)).expectStatus().isAccepted();
		}
		refused(send(this.client, this.slug, ExamFixtures.newPhone(), prefix + "ffff::9"));
		send(this.client, this.slug, ExamFixtures.newPhone(), site + ":8::1").expectStatus().isAccepted();
	}

	/** The code in the latest message. */
	private static String code() {
		return gateway.last().json().path("message").asString().replaceAll("\\D", "").substring(0, 6);
	}

	private static long refused(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		assertThat(result.getStatus().value()).isEqualTo(429);
		String retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).isNotNull();
		return Long.parseLong(retryAfter);
	}

	/** A client address of its own: 10.x.y.z. */
	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
