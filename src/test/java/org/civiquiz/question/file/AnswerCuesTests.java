package org.civiquiz.question.file;

import java.util.ArrayList;
import java.util.List;

import org.civiquiz.question.file.QuestionCsv.QuestionRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCuesTests {

	@Test
	void theKeysRankCountsFromTheLargest() {
		List<String> options = List.of("10 thành viên", "07 thành viên", "05 thành viên", "03 thành viên");
		assertThat(AnswerCues.keyRank(options, 1)).hasValue(1);
		assertThat(AnswerCues.keyRank(options, 3)).hasValue(3);
		assertThat(AnswerCues.keyRank(options, 4)).hasValue(4);
		// 30 ngày is shorter than 03 tháng
		assertThat(AnswerCues.keyRank(List.of("03 tháng", "12 tháng", "06 tháng", "30 ngày"), 4)).hasValue(4);
	}

	@Test
	void optionsThatAreNotAllQuantitiesOfOneKindOrEqualToTheKeyHaveNoRank() {
		assertThat(AnswerCues.keyRank(List.of("15 ngày", "30 ngày", "45 ngày", "Không có thời hạn"), 1)).isEmpty();
		assertThat(AnswerCues.keyRank(List.of("10%", "20 ngày", "30%", "40%"), 1)).isEmpty();
		// 90 ngày is 03 tháng: no rank for a key equal to another option
		assertThat(AnswerCues.keyRank(List.of("03 tháng", "90 ngày", "06 tháng", "12 tháng"), 1)).isEmpty();
		// equal wrong options leave the key's rank clear
		assertThat(AnswerCues.keyRank(List.of("Từ 01 đến 07", "Từ 03 đến 09", "Từ 02 đến 11", "Từ 03 đến 15"), 1))
			.hasValue(4);
	}

	@Test
	void ranksFarFromUniformAreSkewedOnceThereAreEnough() {
		// the Cooperative Law bank before its rewrite: never the largest, 28 of 34 a
		// middle value
		assertThat(AnswerCues.rankSkewed(new int[] { 0, 13, 15, 6 })).isTrue();
		assertThat(AnswerCues.rankSkewed(new int[] { 9, 8, 9, 8 })).isFalse();
		assertThat(AnswerCues.rankSkewed(new int[] { 6, 10, 11, 7 })).isFalse();
		// seven questions tell nothing
		assertThat(AnswerCues.rankSkewed(new int[] { 0, 7, 0, 0 })).isFalse();
		assertThat(AnswerCues.rankSkewed(new int[] { 0, 8, 0, 0 })).isTrue();
	}

	@Test
	void absoluteWordsAreWordsOfTheirOwn() {
		assertThat(AnswerCues.absolute("Chỉ hợp tác xã và liên hiệp hợp tác xã")).isTrue();
		assertThat(AnswerCues.absolute("Phải luôn có ít nhất một người")).isTrue();
		assertThat(AnswerCues.absolute("Nộp TOÀN BỘ vào ngân sách")).isTrue();
		assertThat(AnswerCues.absolute("Tự động chuyển thành thành viên")).isTrue();
		assertThat(AnswerCues.absolute("Do Ủy ban nhân dân cấp xã chỉ định")).isFalse();
		assertThat(AnswerCues.absolute("Địa chỉ trụ sở chính")).isFalse();
		assertThat(AnswerCues.absolute("Theo sự chỉ đạo của cấp trên")).isFalse();
		assertThat(AnswerCues.absolute("Mỗi thành viên một phiếu")).isFalse();
		// decomposed diacritics, as some editors save them
		assertThat(AnswerCues.absolute("Nộp cho mo\u0323i thành viên")).isTrue();
	}

	@Test
	void aKeyTheOnlyOneWithoutAnAbsoluteWordAmongMarkedOnesIsACue() {
		assertThat(AnswerCues.absoluteWordCue(List.of("Chỉ A", "B", "Luôn C", "Mọi D"), 2)).isTrue();
		assertThat(AnswerCues.absoluteWordCue(List.of("Chỉ A", "B", "C", "Mọi D"), 2)).isTrue();
		assertThat(AnswerCues.absoluteWordCue(List.of("Chỉ A", "B", "C", "D"), 2)).isFalse();
		assertThat(AnswerCues.absoluteWordCue(List.of("Chỉ A", "Chỉ B", "C", "Mọi D"), 2)).isFalse();
	}

	@Test
	void absoluteWordSharesFarApartAreSkewedOnceThereAreEnough() {
		// the bank before its rewrite: 4 of 168 right options, 74 of 504 wrong ones
		assertThat(AnswerCues.absoluteSharesSkewed(4, 168, 74, 504)).isTrue();
		assertThat(AnswerCues.absoluteSharesSkewed(15, 180, 45, 540)).isFalse();
		// right options marked far more often than wrong ones are a cue too
		assertThat(AnswerCues.absoluteSharesSkewed(30, 100, 30, 300)).isTrue();
		assertThat(AnswerCues.absoluteSharesSkewed(0, 40, 9, 120)).isFalse();
	}

	@Test
	void aFileIsWarnedOfEachCueOnce() {
		List<QuestionRow> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			// the key always the second largest
			rows.add(row("N" + i, List.of((10 + i) + " ngày", (20 + i) + " ngày", (5 + i) + " ngày", (2 + i) + " ngày"),
					1));
		}
		rows.add(row("A1", List.of("Chỉ khi được phép", "Theo Điều lệ", "Luôn luôn", "Trong mọi trường hợp"), 2));
		rows.add(row("A2", List.of("Chỉ một lần", "Luôn được", "Hai lần", "Mọi lúc"), 3));
		rows.add(row("A3", List.of("Toàn bộ", "Chỉ thành viên", "Ba", "Trực tiếp"), 3));
		rows.add(row("A4", List.of("Đương nhiên", "Tự động", "Bốn", "Chỉ khi"), 3));
		List<ImportWarning> warnings = AnswerCues.warnings(rows);
		assertThat(warnings).extracting(ImportWarning::code)
			.containsExactly(AnswerCues.NUMERIC_KEY_RANK_SKEW, AnswerCues.ABSOLUTE_WORD_CUE,
					AnswerCues.ABSOLUTE_WORD_SKEW);
		assertThat(warnings.get(0).questions()).hasSize(10).startsWith("N0");
		assertThat(warnings.get(0).figures()).containsEntry("secondLargest", 10).containsEntry("largest", 0);
		assertThat(warnings.get(1).questions()).containsExactly("A1", "A2", "A3", "A4");
		assertThat(warnings.get(2).figures()).containsEntry("rightWithWord", 0)
			.containsEntry("wrongWithWord", 12)
			.containsEntry("wrongOptions", 42);
		assertThat(AnswerCues.warnings(rows.subList(0, 7))).isEmpty();
	}

	private static QuestionRow row(String code, List<String> options, int correct) {
		return new QuestionRow(code, 1, 1, "Câu " + code + "?", options, correct, "Điều 1");
	}

}
