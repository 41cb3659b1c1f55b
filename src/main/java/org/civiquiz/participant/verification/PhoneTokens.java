package org.civiquiz.participant.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civiquiz.platform.KeyedHasher;

import org.springframework.stereotype.Component;

/**
 * The proof that a phone was verified for a contest: {@code <expiry>.<mac>}, the expiry
 * in epoch seconds and a keyed hash of the contest, the phone and the expiry. Nothing is
 * stored: any replica checks it, and a start never waits for Redis to learn that its
 * phone was verified. It proves the phone only, for {@code token-validity}, to whoever
 * holds it (as the code did).
 */
@Component
public class PhoneTokens {

	private static final Pattern TOKEN = Pattern.compile("(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

	private final KeyedHasher hasher;

	private final PhoneVerificationProperties properties;

	PhoneTokens(KeyedHasher hasher, PhoneVerificationProperties properties) {
		this.hasher = hasher;
		this.properties = properties;
	}

	/**
	 * A new proof.
	 * @param contestId the contest
	 * @param phone the phone, E.164
	 * @param now the time of verification
	 * @return the token and when it expires
	 */
	PhoneVerified issue(long contestId, String phone, Instant now) {
		long expires = now.plus(this.properties.tokenValidity()).getEpochSecond();
		return new PhoneVerified(expires + "." + mac(contestId, phone, expires), Instant.ofEpochSecond(expires));
	}

	/**
	 * Whether a token proves a phone for a contest.
	 * @param token the token as the client sent it, or {@code null}
	 * @param contestId the contest
	 * @param phone the phone, E.164
	 * @param now the time of the start
	 * @return whether it was issued for this contest and phone and has not expired
	 */
	public boolean proves(String token, long contestId, String phone, Instant now) {
		Matcher parts = (token != null) ? TOKEN.matcher(token) : null;
		if (parts == null || !parts.matches()) {
			return false;
		}
		long expires = Long.parseLong(parts.group(1));
		if (now.getEpochSecond() >= expires) {
			return false;
		}
		// compared as written, so that one token has one spelling (a decoder would take
		// other final characters for the same bytes)
		return MessageDigest.isEqual(parts.group(2).getBytes(StandardCharsets.US_ASCII),
				mac(contestId, phone, expires).getBytes(StandardCharsets.US_ASCII));
	}

	/** The keyed hash of what the token proves, Base64url without padding. */
	private String mac(long contestId, String phone, long expires) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(this.hasher.hash("phone-token", contestId + ":" + phone + ":" + expires));
	}

	/**
	 * A phone verified for a contest.
	 *
	 * @param phoneToken the proof, for the start's {@code phoneToken}
	 * @param expiresAt until when it proves the phone
	 */
	record PhoneVerified(String phoneToken, Instant expiresAt) {
	}

}
