package org.civiquiz.certificate;

import java.time.Instant;
import java.util.Map;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the certificates feature.
 */
final class CertificateException extends CiviquizException {

	private final Map<String, Object> properties;

	private CertificateException(HttpStatus status, String code, Map<String, Object> properties, Object... args) {
		super(status, code, args);
		this.properties = properties;
	}

	/** The contest issues no certificates. */
	static CertificateException notOffered() {
		return new CertificateException(HttpStatus.NOT_FOUND, "CERTIFICATE_NOT_OFFERED", Map.of());
	}

	/** The participant's best score is below the minimum and they hold no prize. */
	static CertificateException notQualified(int minScore) {
		return new CertificateException(HttpStatus.FORBIDDEN, "CERTIFICATE_NOT_QUALIFIED", Map.of("minScore", minScore),
				minScore);
	}

	/** Too early: the contest is not over (and the participant holds no prize yet). */
	static CertificateException notAvailable(Instant availableAt) {
		return new CertificateException(HttpStatus.FORBIDDEN, "CERTIFICATE_NOT_AVAILABLE",
				Map.of("availableAt", availableAt.toString()), availableAt.toString());
	}

	/**
	 * The attempt the participant's certificate rests on was excluded by the committee.
	 */
	static CertificateException revoked() {
		return new CertificateException(HttpStatus.FORBIDDEN, "CERTIFICATE_REVOKED", Map.of());
	}

	static CertificateException notFound() {
		return new CertificateException(HttpStatus.NOT_FOUND, "CERTIFICATE_NOT_FOUND", Map.of());
	}

	@Override
	public Map<String, Object> getProperties() {
		return this.properties;
	}

}
