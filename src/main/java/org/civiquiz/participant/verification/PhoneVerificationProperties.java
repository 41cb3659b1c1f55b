package org.civiquiz.participant.verification;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Phone verification by one-time code, for the contests that ask for it.
 *
 * @param sender how codes reach the phones: {@code log} writes them to the application
 * log (the embedded default and the tests; nobody receives them), {@code http} posts them
 * to an SMS or Zalo gateway ({@code http.*})
 * @param codeValidity how long a code may be entered
 * @param maxTries wrong entries a code survives; the last one burns it
 * @param tokenValidity how long the proof of a verified phone lets its person start
 * attempts
 * @param http the gateway, for {@code sender: http}
 */
@Validated
@ConfigurationProperties("civiquiz.phone-verification")
public record PhoneVerificationProperties(@DefaultValue("log") @NotNull Sender sender,
		@DefaultValue("5m") @NotNull Duration codeValidity, @DefaultValue("5") @Min(1) @Max(10) int maxTries,
		@DefaultValue("2h") @NotNull Duration tokenValidity, @DefaultValue @NotNull @Valid Http http) {

	/** Where codes go. */
	public enum Sender {

		/** Into the application log only. */
		LOG,

		/** To an HTTP gateway. */
		HTTP

	}

	/**
	 * An SMS or Zalo gateway that takes a JSON {@code POST}: any 2xx answer means sent.
	 *
	 * @param url where to post
	 * @param apiKey the gateway's key, sent as the value of {@code apiKeyHeader} as it is
	 * (write {@code Bearer …} here if the gateway wants it)
	 * @param apiKeyHeader the header that carries the key
	 * @param message the text the person receives; {@code {code}} and {@code {minutes}}
	 * are replaced
	 * @param body the JSON body; {@code {phone}}, {@code {message}} and {@code {code}}
	 * are replaced by the values escaped for a JSON string (write them inside quotes)
	 * @param phoneFormat how {@code {phone}} is written
	 * @param timeout how long the gateway may take to answer
	 */
	public record Http(URI url, String apiKey, @DefaultValue("Authorization") @NotBlank String apiKeyHeader,
			@DefaultValue("Mã xác minh Civiquiz của bạn là {code}, hiệu lực {minutes} phút.") @NotBlank String message,
			@DefaultValue("{\"phone\":\"{phone}\",\"message\":\"{message}\"}") @NotBlank String body,
			@DefaultValue("e164") @NotNull PhoneFormat phoneFormat, @DefaultValue("10s") @NotNull Duration timeout) {
	}

	/** How a gateway wants the number of {@code 0912 345 678}. */
	public enum PhoneFormat {

		/** {@code +84912345678} */
		E164,

		/** {@code 0912345678} */
		NATIONAL,

		/** {@code 84912345678} */
		DIGITS;

		String format(String e164) {
			String national = e164.substring(3);
			return switch (this) {
				case E164 -> e164;
				case NATIONAL -> "0" + national;
				case DIGITS -> "84" + national;
			};
		}

	}

}
