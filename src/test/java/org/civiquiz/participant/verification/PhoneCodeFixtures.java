package org.civiquiz.participant.verification;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone verification through its API, for tests: codes are read from the log-only sender
 * the tests run with.
 */
public final class PhoneCodeFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PhoneCodeFixtures() {
	}

	public static WebTestClient.ResponseSpec send(WebTestClient client, String slug, String phone) {
		return send(client, slug, phone, null);
	}

	/**
	 * Asks for a code.
	 * @param client the client
	 * @param slug the contest
	 * @param phone the phone
	 * @param forwardedFor the client's address as a trusted proxy forwards it, or
	 * {@code null}
	 * @return the response
	 */
	public static WebTestClient.ResponseSpec send(WebTestClient client, String slug, String phone,
			String forwardedFor) {
		return client.post().uri("/api/contests/{slug}/phone-codes", slug).headers((headers) -> {
			if (forwardedFor != null) {
				headers.set("X-Forwarded-For", forwardedFor);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phone", phone)).exchange();
	}

	public static WebTestClient.ResponseSpec verify(WebTestClient client, String slug, String phone, String code) {
		return client.post()
			.uri("/api/contests/{slug}/phone-codes/verify", slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone, "code", code))
			.exchange();
	}

	/**
	 * The code the log-only sender wrote last for a phone.
	 * @param sender the application's sender
	 * @param phone the phone
	 * @return the code
	 */
	public static String lastCode(PhoneCodeSender sender, String phone) {
		assertThat(sender).as("the tests run with the log-only sender").isInstanceOf(LogPhoneCodeSender.class);
		return ((LogPhoneCodeSender) sender).lastCode(phone)
			.orElseThrow(() -> new AssertionError("no code was written for " + phone));
	}

	/**
	 * Sends a code to a phone and enters it.
	 * @param client the client
	 * @param sender the application's sender
	 * @param slug the contest
	 * @param phone the phone
	 * @return the proof, for the start's {@code phoneToken}
	 */
	public static String phoneToken(WebTestClient client, PhoneCodeSender sender, String slug, String phone) {
		send(client, slug, phone).expectStatus().isAccepted();
		byte[] verified = verify(client, slug, phone, lastCode(sender, phone)).expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode body = JSON.readTree(verified);
		return body.path("phoneToken").asString();
	}

	/**
	 * A code that is not the phone's: its last digit changed.
	 * @param code the right code
	 * @return a wrong one
	 */
	public static String wrong(String code) {
		char last = code.charAt(code.length() - 1);
		return code.substring(0, code.length() - 1) + (char) ('0' + ((last - '0' + 1) % 10));
	}

}
