package org.civiquiz.participant;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers in one canonical form (E.164, {@code +84} and the national
 * significant number), so that {@code 0912 345 678}, {@code +84 912-345-678} and
 * {@code 84912345678} are one person.
 */
public final class PhoneNumbers {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

	/**
	 * Mobile: 9 digits after the trunk 0, starting 3, 5, 7, 8 or 9; landline: 10 digits
	 * starting 2.
	 */
	private static final Pattern NATIONAL = Pattern.compile("[35789]\\d{8}|2\\d{9}");

	private PhoneNumbers() {
	}

	public static Optional<String> normalize(String input) {
		if (input == null || input.length() > 32) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(input.strip()).replaceAll("");
		String national;
		if (digits.startsWith("+84")) {
			national = digits.substring(3);
		}
		else if (digits.startsWith("0084")) {
			national = digits.substring(4);
		}
		else if (digits.startsWith("84") && digits.length() >= 11) {
			national = digits.substring(2);
		}
		else if (digits.startsWith("0")) {
			national = digits.substring(1);
		}
		else {
			return Optional.empty();
		}
		return NATIONAL.matcher(national).matches() ? Optional.of("+84" + national) : Optional.empty();
	}

}
