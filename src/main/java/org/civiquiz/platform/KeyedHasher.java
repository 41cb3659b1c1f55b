package org.civiquiz.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA-256 of personal data under the configured secret: equal inputs stay
 * comparable, the input cannot be recovered without the secret.
 */
@Component
public class KeyedHasher {

	private final SecretKeySpec key;

	KeyedHasher(PrivacyProperties properties) {
		this.key = new SecretKeySpec(properties.hashSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * Hashes a value within a purpose, so that the same value hashed for two purposes
	 * gives two unrelated hashes.
	 * @param purpose what the hash is for, e.g. {@code national-id}
	 * @param value the personal datum
	 * @return the 32-byte hash
	 */
	public byte[] hash(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
