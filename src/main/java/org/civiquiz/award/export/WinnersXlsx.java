package org.civiquiz.award.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The XLSX export (fastexcel): one sheet with the cells of a list's stored canonical
 * form, whole numbers as numbers, then the hash row. Reading the cells back as text and
 * writing them as CSV (empty rows kept) gives the canonical form again.
 */
public final class WinnersXlsx {

	static final String SHEET = "Winners";

	/**
	 * What the canonical form writes for a whole number (no leading zero, no sign but -).
	 */
	private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,14})");

	private WinnersXlsx() {
	}

	public static byte[] write(String canonical, String sha256) {
		List<List<String>> rows = WinnersTable.cells(canonical);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Civiquiz", "1.0");
			Worksheet sheet = workbook.newWorksheet(SHEET);
			for (int r = 0; r < rows.size(); r++) {
				List<String> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					String cell = row.get(c);
					if (WHOLE.matcher(cell).matches()) {
						sheet.value(r, c, Long.parseLong(cell));
					}
					else {
						// empty cells are written too, so that a row reads back at its
						// full width
						sheet.value(r, c, cell);
					}
				}
				if (WinnersTable.HEADERS.contains(row)) {
					sheet.range(r, 0, r, row.size() - 1).style().bold().set();
				}
			}
			sheet.value(rows.size(), 0, WinnersTable.HASH_LABEL);
			sheet.value(rows.size(), 1, sha256);
			for (int c = 0; c < WinnersTable.WINNER_HEADER.size(); c++) {
				sheet.width(c, 18);
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
