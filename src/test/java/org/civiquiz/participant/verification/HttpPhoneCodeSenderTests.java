package org.civiquiz.participant.verification;

import java.net.URI;
import java.time.Duration;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.civiquiz.participant.verification.PhoneCodeSender.Message;
import org.civiquiz.participant.verification.PhoneVerificationProperties.PhoneFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The HTTP sender against a gateway on 127.0.0.1: what it posts, and what it takes for a
 * failure.
 */
class HttpPhoneCodeSenderTests {

	private static final TestGateway gateway = TestGateway.start();

	private static final Message MESSAGE = new Message("+84912345678", "042917", Duration.ofMinutes(5),
			"luat-htx-2023");

	@BeforeEach
	void reset() {
		gateway.reset();
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void postsTheMessageWithTheKeyAndThePhoneAsTheGatewayWritesIt() {
		HttpPhoneCodeSender sender = sender(
				http("X-Api-Key", "{\"to\":\"{phone}\",\"text\":\"{message}\",\"otp\":\"{code}\"}",
						PhoneFormat.NATIONAL, Duration.ofSeconds(5)));
		StepVerifier.create(sender.send(MESSAGE)).verifyComplete();

		TestGateway.Received received = gateway.last();
		assertThat(received.headers()).containsEntry("x-api-key", "secret-key")
			.containsEntry("content-type", "application/json");
		JsonNode body = received.json();
		assertThat(body.path("to").asString()).isEqualTo("0912345678");
		assertThat(body.path("text").asString()).isEqualTo("Mã xác minh Civiquiz của bạn là 042917, hiệu lực 5 phút.");
		assertThat(body.path("otp").asString()).isEqualTo("042917");
	}

	@Test
	void theDefaultsPostPhoneAndMessageWithTheKeyAsAuthorization() {
		PhoneVerificationProperties.Http defaults = new PhoneVerificationProperties.Http(URI.create(gateway.url()),
				"Bearer secret-key", "Authorization",
				"Mã xác minh Civiquiz của bạn là {code}, hiệu lực {minutes} phút.",
				"{\"phone\":\"{phone}\",\"message\":\"{message}\"}", PhoneFormat.E164, Duration.ofSeconds(5));
		StepVerifier.create(sender(defaults).send(MESSAGE)).verifyComplete();
		TestGateway.Received received = gateway.last();
		assertThat(received.headers()).containsEntry("authorization", "Bearer secret-key");
		assertThat(received.json().path("phone").asString()).isEqualTo("+84912345678");
		assertThat(PhoneFormat.DIGITS.format("+84912345678")).isEqualTo("84912345678");
	}

	@Test
	void aMessageTemplateWithQuotesAndLineBreaksStaysJson() {
		PhoneVerificationProperties.Http http = new PhoneVerificationProperties.Http(URI.create(gateway.url()), null,
				"Authorization", "Mã \"{code}\"\nCòn {minutes} phút \\ hết hạn",
				"{\"phone\":\"{phone}\",\"message\":\"{message}\"}", PhoneFormat.E164, Duration.ofSeconds(5));
		StepVerifier.create(sender(http).send(MESSAGE)).verifyComplete();
		assertThat(gateway.last().json().path("message").asString()).isEqualTo("Mã \"042917\"\nCòn 5 phút \\ hết hạn");
		assertThat(gateway.last().headers()).containsEntry("authorization", "null");
	}

	@Test
	void anErrorStatusIsAFailure() {
		gateway.answer(HttpResponseStatus.BAD_GATEWAY);
		StepVerifier
			.create(sender(http("X-Api-Key", "{\"phone\":\"{phone}\"}", PhoneFormat.E164, Duration.ofSeconds(5)))
				.send(MESSAGE))
			.expectError(WebClientResponseException.class)
			.verify(Duration.ofSeconds(10));
		gateway.answer(HttpResponseStatus.UNAUTHORIZED);
		StepVerifier
			.create(sender(http("X-Api-Key", "{\"phone\":\"{phone}\"}", PhoneFormat.E164, Duration.ofSeconds(5)))
				.send(MESSAGE))
			.expectError(WebClientResponseException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aGatewayThatTakesTooLongIsAFailure() {
		gateway.answerAfter(Duration.ofSeconds(3));
		StepVerifier
			.create(sender(http("X-Api-Key", "{\"phone\":\"{phone}\"}", PhoneFormat.E164, Duration.ofMillis(300)))
				.send(MESSAGE))
			.expectError(java.util.concurrent.TimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aGatewayThatIsNotThereIsAFailure() {
		PhoneVerificationProperties.Http nowhere = new PhoneVerificationProperties.Http(
				URI.create("http://127.0.0.1:1/sms"), null, "Authorization", "{code}", "{\"m\":\"{message}\"}",
				PhoneFormat.E164, Duration.ofSeconds(5));
		StepVerifier.create(sender(nowhere).send(MESSAGE)).expectError().verify(Duration.ofSeconds(10));
	}

	@Test
	void aBodyTemplateThatIsNoJsonOrAMissingUrlFailTheStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> sender(http("X-Api-Key", "{\"phone\":{phone}}", PhoneFormat.E164, Duration.ofSeconds(5))))
			.withMessageContaining("civiquiz.phone-verification.http.body");
		assertThatIllegalStateException()
			.isThrownBy(() -> sender(new PhoneVerificationProperties.Http(null, null, "Authorization", "{code}",
					"{\"m\":\"{message}\"}", PhoneFormat.E164, Duration.ofSeconds(5))))
			.withMessageContaining("civiquiz.phone-verification.http.url");
	}

	private static PhoneVerificationProperties.Http http(String keyHeader, String body, PhoneFormat format,
			Duration timeout) {
		return new PhoneVerificationProperties.Http(URI.create(gateway.url()), "secret-key", keyHeader,
				"Mã xác minh Civiquiz của bạn là {code}, hiệu lực {minutes} phút.", body, format, timeout);
	}

	private static HttpPhoneCodeSender sender(PhoneVerificationProperties.Http http) {
		return new HttpPhoneCodeSender(http, WebClient.builder());
	}

}
