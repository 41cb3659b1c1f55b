package org.civiquiz.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits (defaults in {@code application.yml}, reasons in
 * {@code docs/security-and-privacy.md}). Each rule is a bucket of {@code capacity}
 * requests that refills evenly over {@code period}.
 *
 * @param enabled whether limits apply at all
 * @param timeout how long a request waits for Redis before it goes on unchecked
 * @param startPerIp attempts started from one IP address
 * @param startPerPhone attempts started with one phone number
 * @param submitPerToken submissions with one attempt token
 * @param loginFailuresPerIp failed staff logins from one IP address
 * @param phoneCodePerIp one-time codes asked for from one IP address
 * @param phoneCodePerPhone one-time codes asked for one phone number
 * @param savePerToken saves of answers with one attempt token
 * @param certificatePerIp certificates downloaded from one IP address
 * @param verifyPerIp certificate codes verified from one IP address
 */
@Validated
@ConfigurationProperties("civiquiz.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration timeout,
		@NotNull @Valid Rule startPerIp, @NotNull @Valid Rule startPerPhone, @NotNull @Valid Rule submitPerToken,
		@NotNull @Valid Rule loginFailuresPerIp, @NotNull @Valid Rule phoneCodePerIp,
		@NotNull @Valid Rule phoneCodePerPhone, @NotNull @Valid Rule savePerToken,
		@NotNull @Valid Rule certificatePerIp, @NotNull @Valid Rule verifyPerIp) {

	/**
	 * One bucket.
	 *
	 * @param capacity requests allowed at once
	 * @param period time in which an empty bucket refills completely
	 */
	public record Rule(@Positive long capacity, @NotNull Duration period) {

		/**
		 * The bucket counts in {@code capacity × period} (ms) units, exactly only below
		 * 2<sup>53</sup> (a million a day is 8.6 × 10<sup>13</sup>).
		 * @return whether the period is at least a millisecond and the units exact
		 */
		@AssertTrue(message = "period must be at least 1ms, and capacity × period (in ms) below 2^53")
		boolean isCountable() {
			long millis = (this.period != null) ? this.period.toMillis() : 1;
			return millis >= 1 && this.capacity <= (1L << 53) / millis;
		}

	}

}
