package org.civiquiz.exam.start;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import org.civiquiz.exam.attempt.ExamException;
import org.civiquiz.participant.Registration;
import org.civiquiz.platform.KeyedHasher;

/**
 * A start's {@code Idempotency-Key}, with what the attempt it starts keeps of it: a keyed
 * hash of the request's body, to tell the same request from another one with the same
 * key, and the attempt's token, derived from the key with the server's secret so that the
 * same start answered again carries the same token (only the token's hash is stored).
 *
 * @param key the key as sent
 * @param requestHash keyed hash of the contest and the body's fields
 * @param token the attempt token of the start made with this key
 */
public record StartKey(String key, byte[] requestHash, String token) {

	/** How long a key answers with the attempt it started. */
	public static final Duration LIFETIME = Duration.ofHours(24);

	/** What the page sends: a UUID, or anything like it. */
	static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/**
	 * @param hasher the keyed hasher
	 * @param contest the contest's slug (fixed once created)
	 * @param key the header's value
	 * @param registration the body
	 * @return the key, or an error {@code IDEMPOTENCY_KEY_INVALID} when it is not one
	 */
	public static StartKey of(KeyedHasher hasher, String contest, String key, Registration registration) {
		if (key == null || !VALID.matcher(key).matches()) {
			throw ExamException.idempotencyKeyInvalid();
		}
		byte[] tokenBytes = hasher.hash("attempt-token", contest + "\n" + key);
		return new StartKey(key, hasher.hash("start-request", contest + "\n" + canonical(registration)),
				Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes));
	}

	/**
	 * The body's fields as parsed, in a fixed order: the same request however its JSON
	 * was spaced or ordered.
	 */
	static String canonical(Registration registration) {
		Object[] fields = { registration.fullName(), registration.phone(), registration.unitCode(),
				registration.district(), registration.birthYear(), registration.email(), registration.nationalId(),
				registration.consent(), registration.consentVersion(), registration.phoneToken() };
		StringBuilder out = new StringBuilder();
		for (Object field : fields) {
			// a unit separator between fields, a NUL for an absent one: no field's text
			// can shift into its neighbour
			out.append(Objects.toString(field, "\u0000")).append('\u001f');
		}
		return out.toString();
	}

}
