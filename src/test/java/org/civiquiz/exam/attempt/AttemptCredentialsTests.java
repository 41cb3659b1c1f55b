package org.civiquiz.exam.attempt;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptCredentialsTests {

	private final AttemptCredentials credentials = new AttemptCredentials();

	@Test
	void tokensAre256RandomBitsInUrlSafeBase64() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = this.credentials.newToken();
			assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void idsAreVersion4Uuids() {
		UUID id = this.credentials.newId();

		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(this.credentials.newId()).isNotEqualTo(id);
	}

	@Test
	void onlyTheTokenWhoseHashWasStoredMatches() {
		String token = this.credentials.newToken();
		byte[] stored = AttemptCredentials.hash(token);

		assertThat(stored).hasSize(32);
		assertThat(AttemptCredentials.matches(stored, token)).isTrue();
		assertThat(AttemptCredentials.matches(stored, this.credentials.newToken())).isFalse();
		assertThat(AttemptCredentials.matches(stored, token.substring(1))).isFalse();
	}

}
