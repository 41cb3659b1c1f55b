package org.civiquiz.stats.items;

import org.civiquiz.stats.ItemAnalysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civiquiz.stats.ItemAnalysis.Flag;
import org.civiquiz.stats.ItemAnalysis.Item;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The item analysis as a workbook (fastexcel): one row per question, flagged questions
 * first as on the organizer's page, then a sheet that explains the flags. Headers say
 * Vietnamese first, English second, as the committee's exports do; text cells are written
 * as text, never as formulas.
 */
final class ItemAnalysisXlsx {

	static final String SHEET = "Phân tích câu hỏi";

	static final List<String> HEADER = List.of("Mã câu / Code", "Chương / Chapter", "Điều / Article",
			"Câu hỏi / Question", "Đáp án / Key", "Số lượt rút / Drawn", "Tỷ lệ đúng / Facility",
			"Độ phân biệt / Discrimination", "Chọn A / Chose A", "Chọn B / Chose B", "Chọn C / Chose C",
			"Chọn D / Chose D", "Bỏ trống / No answer", "Nhóm 1/4 cao nhất / Top quarter", "Nhóm cao chọn A / Top A",
			"Nhóm cao chọn B / Top B", "Nhóm cao chọn C / Top C", "Nhóm cao chọn D / Top D", "Cảnh báo / Flags",
			"Còn dùng / Active");

	static final Map<Flag, String> EXPLANATIONS = Map.of(Flag.TOO_EASY,
			"Quá dễ: hơn 95 % lượt rút được câu này trả lời đúng / Too easy: answered right by more than 95 %",
			Flag.TOO_HARD, "Quá khó: dưới 20 % trả lời đúng / Too hard: answered right by fewer than 20 %",
			Flag.NEGATIVE_DISCRIMINATION,
			"Phân biệt ngược: người trả lời đúng câu này lại đạt điểm thấp hơn ở các câu còn lại / "
					+ "Negative discrimination: those who answered it right scored less on the other questions",
			Flag.UNUSED_DISTRACTOR,
			"Phương án nhiễu không ai chọn: một phương án sai được chọn dưới 2 % (khi câu được rút từ 100 lần) / "
					+ "Unused distractor: a wrong option chosen by fewer than 2 % (drawn 100 times or more)",
			Flag.MAYBE_WRONG_KEY, "Có thể sai đáp án: nhóm 1/4 điểm cao nhất chọn một phương án sai nhiều hơn đáp án / "
					+ "Maybe a wrong key: the top quarter of scorers chose a wrong option more often than the key");

	private ItemAnalysisXlsx() {
	}

	/**
	 * @param analysis the analysis
	 * @return the workbook's bytes
	 */
	static byte[] write(ItemAnalysis analysis) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Civiquiz", "1.0");
			Worksheet sheet = workbook.newWorksheet(SHEET);
			for (int c = 0; c < HEADER.size(); c++) {
				sheet.value(0, c, HEADER.get(c));
			}
			sheet.range(0, 0, 0, HEADER.size() - 1).style().bold().wrapText(true).set();
			int r = 1;
			for (Item item : flaggedFirst(analysis.items())) {
				List<Object> cells = List.of(item.code(), item.chapter(), item.article(), item.text(),
						letter(item.correctOption()), item.drawn(), orEmpty(item.facility()),
						orEmpty(item.discrimination()), item.optionCounts().get("1"), item.optionCounts().get("2"),
						item.optionCounts().get("3"), item.optionCounts().get("4"), item.optionCounts().get("none"),
						item.topQuarter().attempts(), item.topQuarter().optionCounts().get("1"),
						item.topQuarter().optionCounts().get("2"), item.topQuarter().optionCounts().get("3"),
						item.topQuarter().optionCounts().get("4"),
						item.flags().stream().map(Flag::name).collect(Collectors.joining(", ")),
						item.active() ? "có / yes" : "không / no");
				for (int c = 0; c < cells.size(); c++) {
					Object cell = cells.get(c);
					if (cell instanceof Number number) {
						sheet.value(r, c, number);
					}
					else {
						sheet.value(r, c, (String) cell);
					}
				}
				sheet.style(r, 6).format("0.000").set();
				sheet.style(r, 7).format("0.000").set();
				r++;
			}
			sheet.width(3, 60);
			sheet.width(18, 30);
			sheet.freezePane(1, 1);
			Worksheet flags = workbook.newWorksheet("Giải thích cảnh báo");
			flags.value(0, 0, "Cảnh báo / Flag");
			flags.value(0, 1, "Ý nghĩa / Meaning");
			flags.range(0, 0, 0, 1).style().bold().set();
			for (Flag flag : Flag.values()) {
				flags.value(flag.ordinal() + 1, 0, flag.name());
				flags.value(flag.ordinal() + 1, 1, EXPLANATIONS.get(flag));
			}
			flags.width(0, 26);
			flags.width(1, 120);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Flagged questions first, those with the most flags first; then by code. */
	static List<Item> flaggedFirst(List<Item> items) {
		return items.stream()
			.sorted(Comparator.comparing((Item item) -> -item.flags().size()).thenComparing(Item::code))
			.toList();
	}

	private static String letter(int option) {
		return String.valueOf((char) ('A' + option - 1));
	}

	private static Object orEmpty(Double value) {
		return (value != null) ? value : "";
	}

}
