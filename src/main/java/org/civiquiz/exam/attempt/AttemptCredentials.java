package org.civiquiz.exam.attempt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * An attempt's id and its secret token. Only the token's SHA-256 is stored: the token
 * itself goes to the participant once, at the start.
 */
public final class AttemptCredentials {

	/**
	 * Seeded once, when the service is made, so that drawing tokens never waits for the
	 * OS's entropy on a request thread.
	 */
	private final SecureRandom random;

	public AttemptCredentials() {
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.random.nextBytes(new byte[16]);
	}

	/** 256 random bits, URL-safe Base64 without padding (43 characters). */
	public String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A version 4 UUID from the seeded generator: {@code UUID.randomUUID()} would read
	 * the OS's entropy on a request thread.
	 */
	public UUID newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (bytes[i] & 0xff);
			lsb = (lsb << 8) | (bytes[8 + i] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	/** What is stored of a token. */
	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the token is the one whose hash was stored, in constant time. */
	public static boolean matches(byte[] storedHash, String token) {
		return MessageDigest.isEqual(storedHash, hash(token));
	}

}
