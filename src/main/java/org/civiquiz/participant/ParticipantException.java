package org.civiquiz.participant;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the participant feature beyond field errors.
 */
public final class ParticipantException extends CiviquizException {

	private ParticipantException(HttpStatus status, String code, Object... args) {
		super(status, code, args);
	}

	/**
	 * The consent text the person saw is no longer the contest's: the organizers changed
	 * it meanwhile. The page reloads the text and asks again.
	 * @return the exception
	 */
	static ParticipantException consentTextChanged() {
		return new ParticipantException(HttpStatus.CONFLICT, "CONSENT_TEXT_CHANGED");
	}

	/**
	 * The contest verifies phones, and the registration carries no proof for its phone
	 * (none, another phone's or contest's, or one that expired). The page asks for a
	 * code.
	 * @return the exception
	 */
	static ParticipantException phoneNotVerified() {
		return new ParticipantException(HttpStatus.FORBIDDEN, "PHONE_NOT_VERIFIED");
	}

}
