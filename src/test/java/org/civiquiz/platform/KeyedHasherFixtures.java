package org.civiquiz.platform;

/**
 * Keyed hashers for fast tests, without an application context.
 */
public final class KeyedHasherFixtures {

	private KeyedHasherFixtures() {
	}

	/**
	 * @param secret the key, 16 characters or more
	 * @return a hasher under it
	 */
	public static KeyedHasher hasher(String secret) {
		return new KeyedHasher(new PrivacyProperties(secret));
	}

}
