package org.civiquiz.integrity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void oneNameTypedWithoutDiacriticsInAnyCaseOrWithStrayPunctuationIsOneName() {
		String key = Names.key("Nguyễn Văn An");
		for (String same : List.of("NGUYEN VAN AN", "nguyễn văn an.", "  Nguyễn   Văn\tAn ", "Nguyễn-Văn-An",
				"Nguyễn Văn Ân",
				// decomposed (NFD) input, as some keyboards send it
				"Nguye\u0302\u0303n Va\u0306n An")) {
			assertThat(Names.key(same)).as(same).isEqualTo(key);
		}
		assertThat(key).isEqualTo("nguyen van an");
	}

	@Test
	void dIsTheLetterDWhicheverWayItIsTyped() {
		assertThat(Names.key("Đỗ Đức Đạt")).isEqualTo("do duc dat");
		assertThat(Names.key("ĐỖ ĐỨC ĐẠT")).isEqualTo("do duc dat");
		// the Icelandic eth, which looks the same
		assertThat(Names.key("Ðỗ Ðức Ðạt")).isEqualTo("do duc dat");
	}

	@Test
	void differentNamesStayDifferent() {
		assertThat(Names.key("Nguyễn Văn An")).isNotEqualTo(Names.key("Nguyễn Văn Anh"));
		assertThat(Names.key("Trần Thị Bình")).isNotEqualTo(Names.key("Trần Thị Bích"));
		assertThat(Names.key("Lê Văn Cường")).isNotEqualTo(Names.key("Lê Cường"));
	}

	@Test
	void distinctNamesKeepTheirFirstSpellingAndAddUpTheirAttempts() {
		List<Evidence.NameUse> distinct = Names.distinct(List.of(new Evidence.NameUse("Nguyễn Văn An", 2),
				new Evidence.NameUse("Trần Thị Bình", 1), new Evidence.NameUse("NGUYEN VAN AN", 1),
				new Evidence.NameUse("Lê Văn Cường", 1), new Evidence.NameUse("tran thi binh", 3)));
		assertThat(distinct).containsExactly(new Evidence.NameUse("Nguyễn Văn An", 3),
				new Evidence.NameUse("Trần Thị Bình", 4), new Evidence.NameUse("Lê Văn Cường", 1));
	}

}
