package org.civiquiz.security.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Session ids: 256 random bits from a DRBG seeded once at start-up. Spring Session's
 * default ({@code UUID.randomUUID()}) reads the operating system's entropy source on the
 * request thread at every login.
 */
public class SessionIds implements SessionIdGenerator {

	private final SecureRandom random;

	public SessionIds() {
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("DRBG is not available", ex);
		}
		this.random.nextBytes(new byte[32]);
	}

	@Override
	public String generate() {
		byte[] id = new byte[32];
		this.random.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
