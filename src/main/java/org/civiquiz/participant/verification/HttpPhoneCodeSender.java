package org.civiquiz.participant.verification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Posts codes to an SMS or Zalo gateway as JSON: the body and the message are templates
 * ({@code civiquiz.phone-verification.http.*}), so that one sender serves the gateways
 * Vietnamese campaigns use. Any 2xx answer within the timeout is a code sent; anything
 * else is an error, and the person is told to ask again. The code never reaches the log.
 */
class HttpPhoneCodeSender implements PhoneCodeSender {

	private static final Log logger = LogFactory.getLog(HttpPhoneCodeSender.class);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(phone|message|code)\\}");

	private final PhoneVerificationProperties.Http settings;

	private final WebClient web;

	HttpPhoneCodeSender(PhoneVerificationProperties.Http settings, WebClient.Builder web) {
		if (settings.url() == null || !settings.url().isAbsolute()) {
			throw new IllegalStateException(
					"civiquiz.phone-verification.http.url must be an absolute URL when the sender is http");
		}
		this.settings = settings;
		this.web = web.build();
		// a body template that is no JSON once filled in fails the start-up, not a
		// citizen's request
		try {
			JsonMapper.builder()
				.build()
				.readTree(body(new Message("+84912345678", "123456", settings.timeout(), "check"), "0912345678"));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"civiquiz.phone-verification.http.body is not JSON once filled in: " + ex.getMessage(), ex);
		}
	}

	@Override
	public Mono<Void> send(Message message) {
		WebClient.RequestBodySpec request = this.web.post()
			.uri(this.settings.url())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON);
		if (StringUtils.hasText(this.settings.apiKey())) {
			request = request.header(this.settings.apiKeyHeader(), this.settings.apiKey());
		}
		return request.bodyValue(body(message, this.settings.phoneFormat().format(message.phone())))
			.retrieve()
			.toBodilessEntity()
			.timeout(this.settings.timeout())
			.doOnError((ex) -> logger.warn("The phone code gateway did not take the code for "
					+ Phones.masked(message.phone()) + ": " + describe(ex)))
			.then();
	}

	/** The text the person receives. */
	String text(Message message) {
		return this.settings.message()
			.replace("{code}", message.code())
			.replace("{minutes}", Long.toString(message.minutes()));
	}

	/** The request body: the template with each placeholder's value escaped for JSON. */
	String body(Message message, String phone) {
		Map<String, String> values = Map.of("phone", phone, "message", text(message), "code", message.code());
		Matcher placeholders = PLACEHOLDER.matcher(this.settings.body());
		StringBuilder body = new StringBuilder();
		while (placeholders.find()) {
			StringBuilder escaped = new StringBuilder();
			JsonStringEncoder.getInstance().quoteAsString(values.get(placeholders.group(1)), escaped);
			placeholders.appendReplacement(body, Matcher.quoteReplacement(escaped.toString()));
		}
		placeholders.appendTail(body);
		return body.toString();
	}

	/** What went wrong, without the gateway's body (it may echo the message). */
	private static String describe(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}
