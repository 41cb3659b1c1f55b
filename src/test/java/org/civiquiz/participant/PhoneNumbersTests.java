package org.civiquiz.participant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "0912345678", "0912 345 678", "091-234-5678", "(091) 234.5678", "+84912345678",
			"+84 912 345 678", "84912345678", "0084912345678", " 0912345678 " })
	void oneMobileNumberWrittenManyWaysIsOnePerson(String input) {
		assertThat(PhoneNumbers.normalize(input)).contains("+84912345678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "02253123456", "+842253123456" })
	void landlinesAreAccepted(String input) {
		assertThat(PhoneNumbers.normalize(input)).contains("+842253123456");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "912345678", "0112345678", "091234567", "09123456789", "+1 202 555 0100", "abc",
			"0912345678' or 1=1 --", "０９１２３４５６７８", "091234567８" })
	void anythingElseIsRefused(String input) {
		assertThat(PhoneNumbers.normalize(input)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "09123456780912345678091234567809123456780912345678" })
	void overlongInputIsRefused(String input) {
		assertThat(PhoneNumbers.normalize(input)).isEmpty();
	}

}
