package org.civiquiz.question.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.question.file.QuestionCsv.Parsed;
import org.civiquiz.question.file.QuestionCsv.SourceRow;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The question bank as a spreadsheet (XLSX, read with fastexcel-reader): the first sheet,
 * a header row with the CSV format's column names, one question per row. Empty rows are
 * skipped; problems name the spreadsheet's row numbers.
 */
public final class QuestionXlsx {

	private QuestionXlsx() {
	}

	public static Parsed parse(byte[] xlsx) {
		List<String> header = null;
		List<SourceRow> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(text(row.getCell(c)));
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					header = cells.stream().map(String::strip).toList();
				}
				else {
					rows.add(new SourceRow(row.getRowNum(), cells, true));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Parsed(List.of(), List.of(new FieldProblem("file", "XLSX_MALFORMED")));
		}
		return QuestionCsv.parse((header != null) ? header : List.of(), rows);
	}

	/** A cell as the CSV would have it: whole numbers without ".0". */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			return cell.asNumber().stripTrailingZeros().toPlainString();
		}
		String text = cell.getText();
		return (text != null) ? text : "";
	}

}
