package org.civiquiz.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings.
 *
 * @param accounts the bootstrap accounts' passwords
 */
@Validated
@ConfigurationProperties("civiquiz.security")
public record SecurityProperties(Accounts accounts) {

	/**
	 * Passwords of the bootstrap accounts, from {@code CIVIQUIZ_ORGANIZER_PASSWORD},
	 * {@code CIVIQUIZ_COMMITTEE_PASSWORD} and {@code CIVIQUIZ_ADMIN_PASSWORD}. The
	 * embedded default generates any that are unset; elsewhere they are required.
	 */
	public record Accounts(
			@NotBlank(message = "set CIVIQUIZ_ORGANIZER_PASSWORD") @Size(min = 12) String organizerPassword,
			@NotBlank(message = "set CIVIQUIZ_COMMITTEE_PASSWORD") @Size(min = 12) String committeePassword,
			@NotBlank(message = "set CIVIQUIZ_ADMIN_PASSWORD") @Size(min = 12) String adminPassword) {
	}

}
