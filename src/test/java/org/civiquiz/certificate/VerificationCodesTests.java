package org.civiquiz.certificate;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTests {

	@Test
	void aCodeIsTwentyCharactersOfCrockfordsAlphabetAndCodesDoNotRepeat() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = VerificationCodes.generate();
			assertThat(code).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]+");
			codes.add(code);
		}
		// 100 bits each: a repeat among 10,000 would mean the randomness is broken
		assertThat(codes).hasSize(10_000);
		// every character of the alphabet is used (32 = 5 bits a character)
		assertThat(String.join("", codes).chars().distinct().count()).isEqualTo(32);
	}

	@Test
	void whatAPersonTypesIsReadLeniently() {
		String code = "7K3QM2XHD90AB1CDEFGH";
		assertThat(VerificationCodes.grouped(code)).isEqualTo("7K3QM-2XHD9-0AB1C-DEFGH");
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0AB1C-DEFGH")).contains(code);
		assertThat(VerificationCodes.canonical(" 7k3qm 2xhd9 oab1c defgh ")).contains(code);
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0ABIC-DEFGH")).contains(code);
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0ABlC-DEFGH")).contains(code);
	}

	@Test
	void whatCannotBeACodeIsNone() {
		assertThat(VerificationCodes.canonical(null)).isEmpty();
		assertThat(VerificationCodes.canonical("")).isEmpty();
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0AB1C-DEFG")).isEmpty();
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0AB1C-DEFGU")).isEmpty();
		assertThat(VerificationCodes.canonical("7K3QM-2XHD9-0AB1C-DEFGHJ")).isEmpty();
		assertThat(VerificationCodes.canonical("x".repeat(1000))).isEmpty();
		assertThat(VerificationCodes.canonical("../../etc/passwd")).isEmpty();
	}

}
