package org.civiquiz.certificate;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verification codes: 20 characters of Crockford's base 32 (digits and capital letters
 * without I, L, O and U), 100 random bits, shown in groups of five
 * ({@code 7K3QM-2XHD9-…}). What a person types back is read leniently: any case, with or
 * without dashes and spaces, O for 0 and I or L for 1.
 */
final class VerificationCodes {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 20;

	private static final Pattern CANONICAL = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");

	/**
	 * Seeded once, when the class loads (at start-up, see CertificateService), so that
	 * drawing a code never waits for the OS's entropy on a request thread.
	 */
	private static final SecureRandom random = seeded();

	private VerificationCodes() {
	}

	private static SecureRandom seeded() {
		try {
			SecureRandom random = SecureRandom.getInstance("DRBG");
			random.nextBytes(new byte[16]);
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return a new random code, canonical (no dashes)
	 */
	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed or scanned, made canonical.
	 * @param typed what was typed
	 * @return the canonical code, or empty if it cannot be one
	 */
	static Optional<String> canonical(String typed) {
		if (typed == null || typed.length() > 64) {
			return Optional.empty();
		}
		String code = typed.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		return CANONICAL.matcher(code).matches() ? Optional.of(code) : Optional.empty();
	}

	/**
	 * @param code a canonical code
	 * @return the code in groups of five, as printed
	 */
	static String grouped(String code) {
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < code.length(); i += 5) {
			if (i > 0) {
				grouped.append('-');
			}
			grouped.append(code, i, Math.min(code.length(), i + 5));
		}
		return grouped.toString();
	}

}
