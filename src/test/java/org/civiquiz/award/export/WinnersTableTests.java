package org.civiquiz.award.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiquiz.award.TieBreak;
import org.civiquiz.award.WinnersList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WinnersTableTests {

	private static final UUID ATTEMPT = UUID.fromString("0b7e8f4e-4c3a-4f53-9d0e-3f6a2d1c9b10");

	private static final Instant SUBMITTED = Instant.parse("2026-11-20T03:04:05.123456Z");

	@Test
	void theRowsCarryTheListAsACommitteeReadsIt() {
		List<List<String>> cells = WinnersTable.cells(WinnersTable.canonical(WinnersTable.rows(list("Nguyễn Văn An"))));

		assertThat(cells.get(0)).isEqualTo(WinnersTable.HEADER);
		assertThat(cells.get(1)).containsExactly("luat-htx-2023", "1", "Tuần 1", "3", "SCORE > PREDICTION > DURATION",
				"42", "17", "Asia/Ho_Chi_Minh");
		assertThat(cells.get(3)).isEqualTo(WinnersTable.WINNER_HEADER);
		assertThat(cells.get(4)).containsExactly("1", "Giải Nhất", "Nguyễn Văn An", "HP", "Hải Phòng", "Quận Lê Chân",
				"0912 345 678", "", "20", "754123", "12:34.123", "40", "42", "2", "2026-11-20T10:04:05.123456+07:00",
				ATTEMPT.toString(), "PREDICTION", "Dự đoán gần hơn / closer prediction", "");
	}

	@Test
	void aWinnerSubmittedByTheServerWhenTimeRanOutIsMarked() {
		List<List<String>> cells = WinnersTable
			.cells(WinnersTable.canonical(WinnersTable.rows(list("Nguyễn Văn An", true))));

		assertThat(cells.get(3).get(18)).isEqualTo("Nộp tự động / Auto-submitted");
		assertThat(cells.get(4).get(18)).isEqualTo("Có / Yes");
	}

	@Test
	void everyCellIsQuotedSoThatNoSeparatorSplitsIt() {
		String canonical = WinnersTable.canonical(WinnersTable.rows(list("Nguyễn Văn;An")));

		assertThat(canonical).contains("\"Nguyễn Văn;An\"").contains("\"1\",\"Giải Nhất\"");
	}

	@Test
	void aFormulaCannotStartACellNorFollowASeparator() {
		List<List<String>> cells = WinnersTable
			.cells(WinnersTable.canonical(WinnersTable.rows(list("=HYPERLINK(\"x\");+1,-2\t@3"))));

		assertThat(cells.get(4).get(2)).isEqualTo("'=HYPERLINK(\"x\");'+1,'-2\t'@3");
	}

	@Test
	void theHashCoversTheCanonicalFormAndTheExportEndsWithIt() {
		String canonical = WinnersTable.canonical(WinnersTable.rows(list("Trần Thị Bình")));
		String hash = WinnersTable.sha256(canonical);
		String changed = WinnersTable.canonical(WinnersTable.rows(list("Trần Thị Bính")));

		assertThat(hash).hasSize(64).isEqualTo(WinnersTable.sha256(canonical));
		assertThat(WinnersTable.sha256(changed)).isNotEqualTo(hash);
		String export = new String(WinnersTable.csv(canonical, hash), StandardCharsets.UTF_8);
		assertThat(export).startsWith("\uFEFF" + canonical).endsWith("SHA-256," + hash + "\r\n");
	}

	@Test
	void aVietnamesePhoneIsWrittenAsPeopleWriteIt() {
		assertThat(WinnersTable.phone("+84912345678")).isEqualTo("0912 345 678");
		assertThat(WinnersTable.phone("+4930123456")).isEqualTo("+4930123456");
		assertThat(WinnersTable.phone(null)).isNull();
	}

	private static WinnersList list(String name) {
		return list(name, false);
	}

	private static WinnersList list(String name, boolean autoSubmitted) {
		WinnersList.Winner winner = new WinnersList.Winner(1, "Giải Nhất", name, "HP", "Hải Phòng", "Quận Lê Chân",
				"+84912345678", null, 20, 754_123, 40L, 42, 2L, SUBMITTED, ATTEMPT, "PREDICTION", autoSubmitted);
		return new WinnersList("luat-htx-2023", 1, "Tuần 1", 3,
				List.of(TieBreak.SCORE, TieBreak.PREDICTION, TieBreak.DURATION), 42, 17, List.of(winner), List.of(),
				List.of(), List.of(), List.of(), "Asia/Ho_Chi_Minh", null, SUBMITTED, "committee", null);
	}

}
