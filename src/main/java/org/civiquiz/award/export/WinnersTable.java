package org.civiquiz.award.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.civiquiz.award.UnitPrize;
import org.civiquiz.award.WinnersList;
import org.civiquiz.award.ranking.Ranking;

/**
 * The cells of a winners list: a header block, the winners, the unit prizes, then who was
 * passed over, which prizes held elsewhere were superseded, and the excluded attempts.
 * Their CSV form (RFC 4180, UTF-8, CRLF, no byte order mark, every cell in double quotes)
 * is the canonical form: it is stored when the list is frozen, its SHA-256 is the list's
 * hash, and every export is made from it, so a later change here never changes a frozen
 * list (lists frozen before 2026-12-05 quote only the cells that need it, and keep that
 * form). Cells are text or whole numbers. Phone numbers are written the national way
 * ({@code 0912 345 678}). Text that a spreadsheet would take for a formula gets an
 * apostrophe in front of the formula: at its start ({@code = + - @}), and after a comma,
 * a semicolon, a tab or a line break, where a spreadsheet splitting on another separator
 * (Excel in Vietnamese splits on {@code ;}) would start a cell. Quoting every cell keeps
 * a {@code ;} inside its cell there too.
 */
public final class WinnersTable {

	public static final String HASH_LABEL = "SHA-256";

	public static final List<String> HEADER = List.of("Cuộc thi / Contest", "Vòng / Round", "Tên vòng / Round name",
			"Phiên bản quy tắc / Rule revision", "Thứ tự xét / Tie-break", "Số bài 20/20 / Actual value",
			"Số người xếp hạng / Ranked", "Múi giờ / Time zone");

	public static final List<String> WINNER_HEADER = List.of("Hạng / Rank", "Giải / Prize", "Họ và tên / Full name",
			"Mã đơn vị / Unit code", "Đơn vị / Unit", "Quận, huyện / District", "Điện thoại / Phone", "Email",
			"Điểm / Score", "Thời gian (ms) / Duration (ms)", "Thời gian / Duration", "Dự đoán / Prediction",
			"Giá trị thực tế / Actual value", "Độ lệch / Distance", "Nộp lúc / Submitted at", "Mã bài thi / Attempt id",
			"Lý do xếp hạng / Rank reason", "Giải thích / Explanation", "Nộp tự động / Auto-submitted");

	public static final List<String> UNIT_HEADER = List.of("Giải tập thể / Unit prize", "Tiêu chí / Criterion",
			"Hạng / Rank", "Mã đơn vị / Unit code", "Đơn vị / Unit", "Số người dự thi / Participants",
			"Biên chế / Headcount", "Tỷ lệ tham gia (%) / Participation rate (%)");

	public static final List<String> PASSED_OVER_HEADER = List.of("Không xét giải vì đã có giải / Passed over",
			"Hạng / Rank", "Họ và tên / Full name", "Mã đơn vị / Unit code", "Mã bài thi / Attempt id",
			"Giải đã có / Prize held");

	public static final List<String> SUPERSEDED_HEADER = List.of("Giải trước bị thay / Superseded prize",
			"Họ và tên / Full name", "Mã bài thi / Attempt id", "Giải trước / Prize held");

	public static final List<String> EXCLUDED_HEADER = List.of("Bài thi bị loại / Excluded attempt",
			"Họ và tên / Full name", "Lý do / Reason", "Người quyết định / Decided by", "Lúc / At");

	static final List<List<String>> HEADERS = List.of(HEADER, WINNER_HEADER, UNIT_HEADER, PASSED_OVER_HEADER,
			SUPERSEDED_HEADER, EXCLUDED_HEADER);

	private static final Map<String, String> REASONS = Map.of("SCORE", "Điểm cao hơn người kế tiếp / higher score",
			"PREDICTION", "Dự đoán gần hơn / closer prediction", "DURATION", "Làm bài nhanh hơn / shorter time",
			"SUBMITTED_AT", "Nộp bài sớm hơn / earlier submission", Ranking.ATTEMPT_ID,
			"Bằng nhau mọi tiêu chí, xét mã bài thi / equal on every step, by attempt id", Ranking.LAST,
			"Người cuối bảng xếp hạng / last ranked");

	/** The mark of a winner whose attempt the server submitted from its last save. */
	public static final String AUTO_SUBMITTED = "Có / Yes";

	/** RFC 4180, every cell quoted: a {@code ;} stays in its cell in any spreadsheet. */
	public static final CSVFormat CANONICAL = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	/** A formula's first character right after a separator a spreadsheet may split on. */
	private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([,;\\t\\r\\n])([=+\\-@])");

	/** Microseconds: PostgreSQL's precision, so that equal-looking times are equal. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

	private WinnersTable() {
	}

	/**
	 * The rows, each cell a {@link String} or a {@link Long}; an empty row separates the
	 * blocks.
	 * @param list the list
	 * @return the rows
	 */
	public static List<List<Object>> rows(WinnersList list) {
		ZoneId zone = ZoneId.of(list.timeZone());
		List<List<Object>> rows = new ArrayList<>();
		rows.add(cells(HEADER.toArray()));
		rows.add(cells(list.contest(), number(list.round()), list.roundName(), number(list.ruleRevision()),
				list.tieBreak().stream().map(Enum::name).collect(Collectors.joining(" > ")), list.actualPrediction(),
				number(list.ranked()), list.timeZone()));
		rows.add(List.of());
		rows.add(cells(WINNER_HEADER.toArray()));
		for (WinnersList.Winner winner : list.winners()) {
			rows.add(cells(number(winner.rank()), winner.prize(), winner.fullName(), winner.unitCode(),
					winner.unitName(), winner.district(), phone(winner.phone()), winner.email(), number(winner.score()),
					number(winner.durationMs()), clock(winner.durationMs()), winner.prediction(), winner.actualValue(),
					winner.predictionDistance(), TIME.format(winner.submittedAt().atZone(zone)),
					winner.attemptId().toString(), winner.rankReason(), REASONS.get(winner.rankReason()),
					winner.autoSubmitted() ? AUTO_SUBMITTED : ""));
		}
		rows.add(List.of());
		rows.add(cells(UNIT_HEADER.toArray()));
		for (UnitPrize prize : list.unitPrizes()) {
			rows.add(cells(prize.prize(), prize.criterion().name(), number(prize.rank()), prize.unitCode(),
					prize.unitName(), prize.participants(), number(prize.headcount()),
					(prize.participationRate() != null) ? prize.participationRate().toPlainString() : null));
		}
		rows.add(List.of());
		rows.add(cells(PASSED_OVER_HEADER.toArray()));
		for (WinnersList.PassedOver passed : list.passedOver()) {
			rows.add(cells("", number(passed.rank()), passed.fullName(), passed.unitCode(),
					passed.attemptId().toString(), passed.heldPrize()));
		}
		rows.add(List.of());
		rows.add(cells(SUPERSEDED_HEADER.toArray()));
		for (WinnersList.SupersededPrize superseded : list.superseded()) {
			rows.add(cells("", superseded.fullName(), superseded.attemptId().toString(), superseded.heldPrize()));
		}
		rows.add(List.of());
		rows.add(cells(EXCLUDED_HEADER.toArray()));
		for (WinnersList.Excluded excluded : list.excluded()) {
			rows.add(cells(excluded.attemptId().toString(), excluded.fullName(), excluded.reason(),
					excluded.excludedBy(), TIME.format(excluded.excludedAt().atZone(zone))));
		}
		return rows;
	}

	/** The canonical CSV form of the rows: what the hash covers. */
	public static String canonical(List<List<Object>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CANONICAL)) {
			for (List<Object> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** The canonical form read back into cells, an empty row as no cells. */
	static List<List<String>> cells(String canonical) {
		List<List<String>> rows = new ArrayList<>();
		try {
			for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(canonical))) {
				List<String> cells = record.toList();
				rows.add(cells.equals(List.of("")) ? List.of() : cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	public static String sha256(String canonical) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The CSV export: BOM (so that Excel reads UTF-8), canonical form, hash line. */
	public static byte[] csv(String canonical, String sha256) {
		// the hash line as it always was (unquoted), whatever the list's quoting
		String text = "\uFEFF" + canonical + HASH_LABEL + "," + sha256 + "\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<Object> cells(Object... values) {
		return Arrays.stream(values).map(WinnersTable::cell).toList();
	}

	private static Object cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String text && !text.isEmpty()) {
			String escaped = FORMULA_AFTER_SEPARATOR.matcher(text).replaceAll("$1'$2");
			return ("=+-@\t\r".indexOf(escaped.charAt(0)) >= 0) ? "'" + escaped : escaped;
		}
		return value;
	}

	/**
	 * A Vietnamese number as people write it, "0912 345 678": a spreadsheet keeps it as
	 * text (with its leading zero), and nobody has to read "+84".
	 */
	static String phone(String e164) {
		if (e164 == null || !e164.startsWith("+84") || e164.length() < 10) {
			return e164;
		}
		String national = "0" + e164.substring(3);
		return national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
	}

	private static Long number(Integer value) {
		return (value != null) ? value.longValue() : null;
	}

	/** 754123 ms as "12:34.123". */
	private static String clock(int durationMs) {
		Duration duration = Duration.ofMillis(durationMs);
		return String.format("%d:%02d.%03d", duration.toMinutes(), duration.toSecondsPart(), duration.toMillisPart());
	}

}
