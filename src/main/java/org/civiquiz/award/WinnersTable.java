package org.civiquiz.award;

import java.io.IOException;
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
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The cells of a winners list, the same in every export: a header block, the winners,
 * then the unit prizes. Its CSV form (RFC 4180, UTF-8, CRLF, no byte order mark) is the
 * canonical form the list's SHA-256 is computed over; an export adds a BOM in front and a
 * {@code SHA-256} line at the end. Cells are text or whole numbers.
 */
final class WinnersTable {

	static final String HASH_LABEL = "SHA-256";

	static final List<String> HEADER = List.of("Cuộc thi / Contest", "Vòng / Round", "Tên vòng / Round name",
			"Phiên bản quy tắc / Rule revision", "Thứ tự xét / Tie-break", "Giá trị thực tế / Actual value",
			"Số người xếp hạng / Ranked", "Múi giờ / Time zone");

	static final List<String> WINNER_HEADER = List.of("Hạng / Rank", "Giải / Prize", "Họ và tên / Full name",
			"Mã đơn vị / Unit code", "Đơn vị / Unit", "Quận, huyện / District", "Điện thoại / Phone", "Email",
			"Điểm / Score", "Thời gian (ms) / Duration (ms)", "Thời gian / Duration", "Dự đoán / Prediction",
			"Độ lệch / Distance", "Nộp lúc / Submitted at", "Mã bài thi / Attempt id", "Lý do xếp hạng / Rank reason",
			"Giải thích / Explanation");

	static final List<String> UNIT_HEADER = List.of("Giải tập thể / Unit prize", "Tiêu chí / Criterion", "Hạng / Rank",
			"Mã đơn vị / Unit code", "Đơn vị / Unit", "Số người dự thi / Participants", "Biên chế / Headcount",
			"Tỷ lệ tham gia (%) / Participation rate (%)");

	private static final Map<String, String> REASONS = Map.of("SCORE", "Điểm cao hơn người kế tiếp / higher score",
			"PREDICTION", "Dự đoán gần hơn / closer prediction", "DURATION", "Làm bài nhanh hơn / shorter time",
			"SUBMITTED_AT", "Nộp bài sớm hơn / earlier submission", Ranking.ATTEMPT_ID,
			"Bằng nhau mọi tiêu chí, xét mã bài thi / equal on every step, by attempt id", Ranking.LAST,
			"Người cuối bảng xếp hạng / last ranked");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	private WinnersTable() {
	}

	/**
	 * The rows, each cell a {@link String} or a {@link Long}; an empty row separates the
	 * blocks.
	 * @param list the list
	 * @return the rows
	 */
	static List<List<Object>> rows(WinnersList list) {
		ZoneId zone = list.zone();
		List<List<Object>> rows = new ArrayList<>();
		rows.add(new ArrayList<>(HEADER));
		rows.add(cells(list.contest(), number(list.round()), list.roundName(), number(list.ruleRevision()),
				list.tieBreak().stream().map(Enum::name).collect(Collectors.joining(" > ")), list.actualPrediction(),
				number(list.ranked()), list.timeZone()));
		rows.add(List.of());
		rows.add(new ArrayList<>(WINNER_HEADER));
		for (WinnersList.Winner winner : list.winners()) {
			rows.add(cells(number(winner.rank()), winner.prize(), winner.fullName(), winner.unitCode(),
					winner.unitName(), winner.district(), winner.phone(), winner.email(), number(winner.score()),
					number(winner.durationMs()), clock(winner.durationMs()), winner.prediction(),
					winner.predictionDistance(), TIME.format(winner.submittedAt().atZone(zone)),
					winner.attemptId().toString(), winner.rankReason(), REASONS.get(winner.rankReason())));
		}
		rows.add(List.of());
		rows.add(new ArrayList<>(UNIT_HEADER));
		for (UnitPrize prize : list.unitPrizes()) {
			rows.add(cells(prize.prize(), prize.criterion().name(), number(prize.rank()), prize.unitCode(),
					prize.unitName(), prize.participants(), number(prize.headcount()),
					(prize.participationRate() != null) ? prize.participationRate().toPlainString() : null));
		}
		return rows;
	}

	/** The canonical CSV form of the rows: what the hash covers. */
	static String canonical(List<List<Object>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			for (List<Object> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String sha256(String canonical) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The CSV export: BOM (so that Excel reads UTF-8), canonical form, hash line. */
	static byte[] csv(WinnersList list) {
		String text = "\uFEFF" + canonical(rows(list)) + canonical(List.of(List.of(HASH_LABEL, list.sha256())));
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<Object> cells(Object... values) {
		// null is an empty cell
		return Arrays.stream(values).map((value) -> (value != null) ? value : "").toList();
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
