package org.civiquiz.certificate;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Certificates.
 *
 * @param publicUrl the site's public address, which the QR code and the printed link
 * point at ({@code https://thi.example.vn}); blank: the address of the request that
 * downloads the certificate, as the app sees it (set it behind a reverse proxy)
 * @param zone the time zone of the date printed on a certificate
 */
@Validated
@ConfigurationProperties("civiquiz.certificate")
public record CertificateProperties(@DefaultValue("") @Pattern(regexp = "|https?://[^\\s#?]+") String publicUrl,
		@DefaultValue("Asia/Ho_Chi_Minh") @NotNull ZoneId zone) {
}
