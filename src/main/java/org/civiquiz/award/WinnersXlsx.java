package org.civiquiz.award;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The XLSX export (fastexcel): one sheet with the cells of {@link WinnersTable}, whole
 * numbers as numbers, then the hash row. Reading the cells back as text and writing them
 * as CSV gives the canonical form again.
 */
final class WinnersXlsx {

	static final String SHEET = "Winners";

	private WinnersXlsx() {
	}

	static byte[] write(WinnersList list) {
		List<List<Object>> rows = WinnersTable.rows(list);
		Set<List<String>> headers = Set.of(WinnersTable.HEADER, WinnersTable.WINNER_HEADER, WinnersTable.UNIT_HEADER);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Civiquiz", "1.0");
			Worksheet sheet = workbook.newWorksheet(SHEET);
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					Object cell = row.get(c);
					if (cell instanceof Long number) {
						sheet.value(r, c, number);
					}
					else {
						// empty cells are written too, so that a row reads back at its
						// full width
						sheet.value(r, c, (String) cell);
					}
				}
				if (headers.contains(row)) {
					sheet.range(r, 0, r, row.size() - 1).style().bold().set();
				}
			}
			int hashRow = rows.size();
			sheet.value(hashRow, 0, WinnersTable.HASH_LABEL);
			sheet.value(hashRow, 1, list.sha256());
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
