package org.civiquiz.participant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvisibleCharactersTests {

	@Test
	void directionOverridesZeroWidthCharactersAndByteOrderMarksAreInvisible() {
		assertThat(ParticipantService.hasInvisibleCharacters("Nguyễn \u202eAn Văn")).isTrue();
		assertThat(ParticipantService.hasInvisibleCharacters("Nguyễn \u2067Văn\u2069 An")).isTrue();
		assertThat(ParticipantService.hasInvisibleCharacters("Nguyễn\u200bVăn An")).isTrue();
		assertThat(ParticipantService.hasInvisibleCharacters("Nguyễn\u200dVăn An")).isTrue();
		assertThat(ParticipantService.hasInvisibleCharacters("\ufeffNguyễn Văn An")).isTrue();
	}

	@Test
	void vietnameseNamesAndEmojiSequencesAreNot() {
		assertThat(ParticipantService.hasInvisibleCharacters("Nguyễn Thị Hồng Nhung")).isFalse();
		assertThat(ParticipantService.hasInvisibleCharacters("Lê 👨‍👩‍👧 Hoa")).isFalse();
		assertThat(ParticipantService.hasInvisibleCharacters("Lê \ud83c\udff3\ufe0f\u200d\ud83c\udf08 Hoa")).isFalse();
		assertThat(ParticipantService.hasInvisibleCharacters("Lê \ud83d\udc69\ud83c\udffd\u200d\ud83d\udcbb Hoa"))
			.isFalse();
	}

}
