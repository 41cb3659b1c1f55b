package org.civiquiz.question.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * The question bank's CSV format (UTF-8, RFC 4180, header row): {@code code, chapter,
 * article, text, option_a, option_b, option_c, option_d, correct, explanation}; further
 * columns (such as {@code facts}, the fact sheet entries a question rests on) are
 * ignored. Parsing checks every row and reports every problem with its line and column. A
 * spreadsheet ({@link QuestionXlsx}) has the same columns and the same checks.
 */
public final class QuestionCsv {

	public static final List<String> COLUMNS = List.of("code", "chapter", "article", "text", "option_a", "option_b",
			"option_c", "option_d", "correct", "explanation");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	/** Control characters but line breaks and tabs: PostgreSQL refuses NUL in text. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	private QuestionCsv() {
	}

	public static Parsed parse(byte[] csv) {
		String content = new String(csv, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		List<SourceRow> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			List<String> header = parser.getHeaderNames();
			for (CSVRecord record : parser) {
				rows.add(new SourceRow(record.getRecordNumber() + 1, record.toList(), record.isConsistent()));
			}
			return parse(header, rows);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			return new Parsed(List.of(),
					List.of(new FieldProblem("file", "CSV_MALFORMED", String.valueOf(ex.getMessage()))));
		}
	}

	/**
	 * Checks the rows of a question file, whatever its format.
	 * @param header the column names, in order
	 * @param source the rows after the header, each with its line number in the file
	 * @return the questions, or every problem
	 */
	public static Parsed parse(List<String> header, List<SourceRow> source) {
		List<QuestionRow> rows = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		List<String> missing = COLUMNS.stream().filter((column) -> !header.contains(column)).toList();
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem("header", "CSV_COLUMNS_MISSING", String.join(", ", missing)));
			return new Parsed(rows, problems);
		}
		Set<String> codes = new HashSet<>();
		Set<String> stems = new HashSet<>();
		for (SourceRow record : source) {
			QuestionRow row = row(header, record, problems);
			if (row == null) {
				continue;
			}
			String line = "line " + record.line();
			if (!codes.add(row.code())) {
				problems.add(new FieldProblem(line + ": code", "QUESTION_CODE_DUPLICATE", row.code()));
			}
			if (!stems.add(stemKey(row.text()))) {
				problems.add(new FieldProblem(line + ": text", "QUESTION_STEM_DUPLICATE"));
			}
			rows.add(row);
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("file", "CSV_EMPTY"));
		}
		return new Parsed(rows, problems);
	}

	private static QuestionRow row(List<String> header, SourceRow source, List<FieldProblem> problems) {
		String line = "line " + source.line();
		if (!source.complete()) {
			problems.add(new FieldProblem(line, "CSV_ROW_LENGTH", source.cells().size(), header.size()));
			return null;
		}
		Cells record = new Cells(header, source.cells());
		int before = problems.size();
		String code = text(record, "code");
		if (!CODE.matcher(code).matches()) {
			problems.add(new FieldProblem(line + ": code", "QUESTION_CODE_INVALID"));
		}
		int chapter = number(record, "chapter", 1, 99, line, problems);
		int article = number(record, "article", 1, 999, line, problems);
		String text = text(record, "text");
		if (text.isEmpty() || text.length() > 1000) {
			problems.add(new FieldProblem(line + ": text", "QUESTION_TEXT_LENGTH", 1000));
		}
		printable(text, line + ": text", problems);
		List<String> options = new ArrayList<>();
		Set<String> distinct = new HashSet<>();
		for (String column : List.of("option_a", "option_b", "option_c", "option_d")) {
			String option = text(record, column);
			if (option.isEmpty() || option.length() > 500) {
				problems.add(new FieldProblem(line + ": " + column, "QUESTION_OPTION_LENGTH", 500));
			}
			else if (!distinct.add(option.toLowerCase(Locale.ROOT))) {
				problems.add(new FieldProblem(line + ": " + column, "QUESTION_OPTION_DUPLICATE"));
			}
			printable(option, line + ": " + column, problems);
			options.add(option);
		}
		String correct = text(record, "correct").toUpperCase(Locale.ROOT);
		if (!correct.matches("[ABCD]")) {
			problems.add(new FieldProblem(line + ": correct", "QUESTION_CORRECT_INVALID"));
		}
		String explanation = text(record, "explanation");
		if (explanation.length() > 1000) {
			problems.add(new FieldProblem(line + ": explanation", "QUESTION_EXPLANATION_LENGTH", 1000));
		}
		printable(explanation, line + ": explanation", problems);
		if (problems.size() > before) {
			return null;
		}
		return new QuestionRow(code, chapter, article, text, options, correct.charAt(0) - 'A' + 1, explanation);
	}

	private static void printable(String value, String at, List<FieldProblem> problems) {
		if (CONTROL.matcher(value).find()) {
			problems.add(new FieldProblem(at, "TEXT_INVALID"));
		}
	}

	private static String text(Cells record, String column) {
		return Normalizer.normalize(record.get(column).strip(), Normalizer.Form.NFC);
	}

	private static int number(Cells record, String column, int min, int max, String line, List<FieldProblem> problems) {
		try {
			int value = Integer.parseInt(record.get(column).strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(line + ": " + column, "QUESTION_NUMBER_INVALID", min, max));
		return 0;
	}

	public static String stemKey(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
	}

	public record QuestionRow(String code, int chapter, int article, String text, List<String> options,
			int correctOption, String explanation) {
	}

	public record Parsed(List<QuestionRow> rows, List<FieldProblem> problems) {
	}

	/**
	 * A row of a question file.
	 *
	 * @param line its line (CSV) or row (spreadsheet) number, the header being 1
	 * @param cells its cells; missing trailing cells are empty
	 * @param complete false when the row has a different number of cells than the header
	 * (CSV only: a spreadsheet leaves empty trailing cells out)
	 */
	public record SourceRow(long line, List<String> cells, boolean complete) {
	}

	/** A row's cells by column name. */
	private record Cells(List<String> header, List<String> cells) {

		String get(String column) {
			int index = this.header.indexOf(column);
			return (index < this.cells.size() && this.cells.get(index) != null) ? this.cells.get(index) : "";
		}

	}

}
