package org.civiquiz.participant.verification;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sender {@code civiquiz.phone-verification.sender} names.
 */
@Configuration(proxyBeanMethods = false)
class PhoneVerificationConfiguration {

	private static final Log logger = LogFactory.getLog(PhoneVerificationConfiguration.class);

	@Bean
	PhoneCodeSender phoneCodeSender(PhoneVerificationProperties properties, Environment environment) {
		return switch (properties.sender()) {
			case HTTP -> new HttpPhoneCodeSender(properties.http(), WebClient.builder());
			case LOG -> {
				if (!environment.getProperty("civiquiz.embedded.active", Boolean.class, false)) {
					logger.warn("Phone codes are written to the log, never sent: a contest that verifies phones "
							+ "needs civiquiz.phone-verification.sender=http and its gateway (docs/api.md)");
				}
				yield new LogPhoneCodeSender();
			}
		};
	}

}
