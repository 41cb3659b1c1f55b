package org.civiquiz.participant.verification;

import java.util.Map;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Refusals of phone verification.
 */
final class PhoneVerificationException extends CiviquizException {

	private final Map<String, Object> properties;

	private final HttpHeaders headers;

	private boolean mayHaveBeenSent;

	private PhoneVerificationException(HttpStatus status, String code, Map<String, Object> properties,
			HttpHeaders headers, Object... args) {
		super(status, code, args);
		this.properties = properties;
		this.headers = headers;
	}

	private static PhoneVerificationException of(HttpStatus status, String code, Object... args) {
		return new PhoneVerificationException(status, code, Map.of(), new HttpHeaders(), args);
	}

	/** The contest takes phones as typed: there is nothing to verify. */
	static PhoneVerificationException off(String slug) {
		return of(HttpStatus.CONFLICT, "PHONE_VERIFICATION_OFF", slug);
	}

	/** The gateway did not take the code: the person may ask again shortly. */
	static PhoneVerificationException notSent() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "30");
		return new PhoneVerificationException(HttpStatus.SERVICE_UNAVAILABLE, "PHONE_CODE_NOT_SENT", Map.of(), headers);
	}

	/**
	 * The gateway did not answer in time: the message may still arrive (its code stays
	 * valid), so the phone's own limit is not given back.
	 */
	static PhoneVerificationException notConfirmed() {
		PhoneVerificationException ex = notSent();
		ex.mayHaveBeenSent = true;
		return ex;
	}

	boolean mayHaveBeenSent() {
		return this.mayHaveBeenSent;
	}

	/** No code to try: none was sent, it expired, or it was used. */
	static PhoneVerificationException expired() {
		return of(HttpStatus.CONFLICT, "PHONE_CODE_EXPIRED");
	}

	/** Not the code; {@code triesLeft} more tries. */
	static PhoneVerificationException wrong(int triesLeft) {
		return new PhoneVerificationException(HttpStatus.UNPROCESSABLE_CONTENT, "PHONE_CODE_WRONG",
				Map.of("triesLeft", triesLeft), new HttpHeaders(), triesLeft);
	}

	/** The code took its last wrong try: a new one is needed. */
	static PhoneVerificationException triesExceeded() {
		return of(HttpStatus.CONFLICT, "PHONE_CODE_TRIES_EXCEEDED");
	}

	@Override
	public Map<String, Object> getProperties() {
		return this.properties;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
