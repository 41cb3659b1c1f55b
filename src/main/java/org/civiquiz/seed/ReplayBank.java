package org.civiquiz.seed;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The replay's own copy of the bundled bank, with one question's key planted wrong (the
 * option after the right one), so that the item analysis has a wrong key to find. The
 * copy is a bank of its own: the bundled bank, and every contest drawing from it, keep
 * their right keys.
 */
final class ReplayBank {

	/** The copy's name. */
	static final String NAME = "luat-htx-2023-replay";

	/**
	 * The question whose key is planted wrong: chapter VII (two of every attempt's
	 * questions by the quotas, so drawn by about one attempt in eight), not a numeric
	 * one.
	 */
	static final String PLANTED = "C07-003";

	private ReplayBank() {
	}

	/**
	 * @param csv the copy's file
	 * @param planted the planted question's code
	 * @param truth its right option (1..4)
	 * @param key the option the copy keys instead
	 */
	record Copy(byte[] csv, String planted, int truth, int key) {
	}

	/**
	 * @param bundled the bundled bank's CSV
	 * @return the copy, with {@link #PLANTED}'s key moved to the next option
	 */
	static Copy withWrongKey(byte[] bundled) {
		String content = new String(bundled, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			List<String> header = parser.getHeaderNames();
			int correct = header.indexOf("correct");
			int truth = 0;
			int key = 0;
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				List<String> row = new ArrayList<>(record.toList());
				if (PLANTED.equals(record.get("code"))) {
					truth = row.get(correct).strip().toUpperCase(Locale.ROOT).charAt(0) - 'A' + 1;
					key = (truth % 4) + 1;
					row.set(correct, String.valueOf((char) ('A' + key - 1)));
				}
				rows.add(row);
			}
			if (truth == 0) {
				throw new IllegalStateException(
						"The bundled bank has no question " + PLANTED + " to plant a wrong key in");
			}
			StringWriter out = new StringWriter();
			try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
				printer.printRecord(header);
				for (List<String> row : rows) {
					printer.printRecord(row);
				}
			}
			return new Copy(out.toString().getBytes(StandardCharsets.UTF_8), PLANTED, truth, key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
