package org.civiquiz.leaderboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNamesTests {

	@Test
	void familyNameAndInitials() {
		assertThat(DisplayNames.mask("Nguyễn Văn An")).isEqualTo("Nguyễn V. A.");
		assertThat(DisplayNames.mask("Lê")).isEqualTo("L.");
	}

	@Test
	void everyKindOfSpaceSeparatesWordsSoNoNameIsPublishedWhole() {
		assertThat(DisplayNames.mask("Nguyễn\u00a0Văn\u00a0An")).isEqualTo("Nguyễn V. A.");
		assertThat(DisplayNames.mask("\u3000Trần\u2003Thị\u202f\u2009Bình\u00a0")).isEqualTo("Trần T. B.");
	}

}
