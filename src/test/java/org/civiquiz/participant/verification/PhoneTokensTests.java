package org.civiquiz.participant.verification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.civiquiz.platform.KeyedHasherFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of a verified phone: for its contest, its phone and its time, and nothing
 * forged.
 */
class PhoneTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

	private static final String PHONE = "+84912345678";

	private final PhoneTokens tokens = new PhoneTokens(KeyedHasherFixtures.hasher("a-secret-of-the-tests"),
			new PhoneVerificationProperties(PhoneVerificationProperties.Sender.LOG, Duration.ofMinutes(5), 5,
					Duration.ofHours(2),
					new PhoneVerificationProperties.Http(URI.create("http://127.0.0.1/"), null, "Authorization",
							"{code}", "{}", PhoneVerificationProperties.PhoneFormat.E164, Duration.ofSeconds(1))));

	@Test
	void provesItsPhoneForItsContestUntilItExpires() {
		PhoneTokens.PhoneVerified verified = this.tokens.issue(7, PHONE, NOW);
		assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		String token = verified.phoneToken();
		assertThat(this.tokens.proves(token, 7, PHONE, NOW)).isTrue();
		assertThat(this.tokens.proves(token, 7, PHONE, NOW.plus(Duration.ofHours(2)).minusSeconds(1))).isTrue();
		assertThat(this.tokens.proves(token, 7, PHONE, NOW.plus(Duration.ofHours(2)))).isFalse();
		assertThat(this.tokens.proves(token, 8, PHONE, NOW)).isFalse();
		assertThat(this.tokens.proves(token, 7, "+84912345679", NOW)).isFalse();
	}

	@Test
	void anEditedOrForeignTokenProvesNothing() {
		String token = this.tokens.issue(7, PHONE, NOW).phoneToken();
		String[] parts = token.split("\\.");
		assertThat(this.tokens.proves((Long.parseLong(parts[0]) + 86_400) + "." + parts[1], 7, PHONE, NOW)).isFalse();
		// every other final character, those that decode to the same bytes included: one
		// token, one spelling
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (char last : alphabet.toCharArray()) {
			String edited = token.substring(0, token.length() - 1) + last;
			assertThat(this.tokens.proves(edited, 7, PHONE, NOW)).as(edited).isEqualTo(edited.equals(token));
		}
		PhoneTokens other = new PhoneTokens(KeyedHasherFixtures.hasher("another-secret-entirely"),
				new PhoneVerificationProperties(PhoneVerificationProperties.Sender.LOG, Duration.ofMinutes(5), 5,
						Duration.ofHours(2), null));
		assertThat(other.proves(token, 7, PHONE, NOW)).isFalse();
		for (String junk : new String[] { null, "", ".", "1." + parts[1], parts[0] + ".",
				parts[0] + "." + parts[1] + "=", "x".repeat(10_000), parts[0] + ".+" + parts[1].substring(1) }) {
			assertThat(this.tokens.proves(junk, 7, PHONE, NOW)).as(String.valueOf(junk)).isFalse();
		}
	}

}
