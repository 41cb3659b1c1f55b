package org.civiquiz.participant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * People with personal data no response, log line or retained row could contain by
 * chance: each word of the name, the phone and the email carry random letters or digits.
 */
public final class PersonFixtures {

	private PersonFixtures() {
	}

	/**
	 * A new person: family name "Lạc", two distinctive given names, a fresh mobile
	 * number, an email and a national ID (CCCD).
	 * @return the person
	 */
	public static Person distinctive() {
		String middle = "Xuyến" + letters(5);
		String suffix = letters(5);
		String nsn = "9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String nationalId = String.format("%06d%06d", ThreadLocalRandom.current().nextInt(1_000_000),
				ThreadLocalRandom.current().nextInt(1_000_000));
		return new Person("Lạc " + middle + " Uyên" + suffix, middle, "Uyên" + suffix, nsn,
				"uyen" + suffix + "." + letters(4) + "@example.org", nationalId);
	}

	private static String letters(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return text.toString();
	}

	/**
	 * A person.
	 *
	 * @param fullName the full name: "Lạc", then {@code middle} and {@code given}
	 * @param middle the middle name
	 * @param given the given name
	 * @param nsn the phone's national significant number (9 digits)
	 * @param email the email
	 * @param nationalId the national ID (12 digits)
	 */
	public record Person(String fullName, String middle, String given, String nsn, String email, String nationalId) {

		/** The phone as typed: the national notation with spaces. */
		public String phone() {
			return "0" + this.nsn.substring(0, 3) + " " + this.nsn.substring(3, 6) + " " + this.nsn.substring(6);
		}

		/** How public boards show the name. */
		public String masked() {
			return "Lạc " + this.middle.charAt(0) + ". " + this.given.charAt(0) + ".";
		}

		/**
		 * Every piece of the person's data that must not leave, in any notation: the
		 * name's given names (the family name is public on boards), the phone as typed,
		 * national, E.164 and bare, the email and its local part, the national ID.
		 */
		public List<String> secrets() {
			return List.of(this.fullName, this.middle, this.given, phone(), "0" + this.nsn, "+84" + this.nsn, this.nsn,
					this.email, this.email.split("@")[0], this.nationalId);
		}

		/**
		 * The registration body for this person.
		 * @param unitCode the unit
		 * @param district the district
		 * @return the body
		 */
		public Map<String, Object> registration(String unitCode, String district) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("fullName", this.fullName);
			body.put("phone", phone());
			body.put("unitCode", unitCode);
			body.put("district", district);
			body.put("birthYear", 1987);
			body.put("email", this.email);
			body.put("nationalId", this.nationalId);
			body.put("consent", true);
			return body;
		}

	}

}
