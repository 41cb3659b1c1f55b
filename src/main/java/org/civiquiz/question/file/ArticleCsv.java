package org.civiquiz.question.file;

import org.civiquiz.question.LawArticle;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * The law-text file a bank brings along (UTF-8, RFC 4180, header row):
 * {@code chapter, article, title, text}. A row with an empty {@code article} names a
 * chapter ({@code title}, no {@code text}); any other row is an article with its title
 * and its own text (clauses on lines of their own). Further columns are ignored. Parsing
 * checks every row and reports every problem with its line and column, as
 * {@link QuestionCsv} does.
 */
public final class ArticleCsv {

	public static final List<String> COLUMNS = List.of("chapter", "article", "title", "text");

	public static final int MAX_TITLE = 500;

	public static final int MAX_TEXT = 20_000;

	/** Control characters but line breaks and tabs: PostgreSQL refuses NUL in text. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	private ArticleCsv() {
	}

	public static Parsed parse(byte[] csv) {
		String content = new String(csv, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			List<String> header = parser.getHeaderNames();
			List<String> missing = COLUMNS.stream().filter((column) -> !header.contains(column)).toList();
			if (!missing.isEmpty()) {
				return new Parsed(Map.of(), List.of(),
						List.of(new FieldProblem("header", "CSV_COLUMNS_MISSING", String.join(", ", missing))));
			}
			Map<Integer, String> chapters = new LinkedHashMap<>();
			List<LawArticle> articles = new ArrayList<>();
			List<FieldProblem> problems = new ArrayList<>();
			Set<Integer> articleNumbers = new HashSet<>();
			for (CSVRecord record : parser) {
				row(record, chapters, articles, articleNumbers, problems);
			}
			if (chapters.isEmpty() && articles.isEmpty() && problems.isEmpty()) {
				problems.add(new FieldProblem("file", "ARTICLE_FILE_EMPTY"));
			}
			return new Parsed(chapters, articles, problems);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			return new Parsed(Map.of(), List.of(),
					List.of(new FieldProblem("file", "CSV_MALFORMED", String.valueOf(ex.getMessage()))));
		}
	}

	private static void row(CSVRecord record, Map<Integer, String> chapters, List<LawArticle> articles,
			Set<Integer> articleNumbers, List<FieldProblem> problems) {
		String line = "line " + (record.getRecordNumber() + 1);
		if (!record.isConsistent()) {
			problems.add(new FieldProblem(line, "CSV_ROW_LENGTH", record.size(), COLUMNS.size()));
			return;
		}
		int before = problems.size();
		Integer chapter = number(record.get("chapter"), 99, line + ": chapter", problems);
		String articleCell = record.get("article").strip();
		Integer article = articleCell.isEmpty() ? null : number(articleCell, 999, line + ": article", problems);
		String title = text(record.get("title"));
		if (title.isEmpty() || title.length() > MAX_TITLE) {
			problems.add(new FieldProblem(line + ": title", "ARTICLE_TITLE_LENGTH", MAX_TITLE));
		}
		printable(title, line + ": title", problems);
		String text = text(record.get("text"));
		if (articleCell.isEmpty()) {
			if (!text.isEmpty()) {
				problems.add(new FieldProblem(line + ": text", "CHAPTER_TEXT_NOT_EMPTY"));
			}
			else if (chapter != null && chapters.containsKey(chapter)) {
				problems.add(new FieldProblem(line + ": chapter", "CHAPTER_DUPLICATE", chapter));
			}
		}
		else {
			if (text.isEmpty() || text.length() > MAX_TEXT) {
				problems.add(new FieldProblem(line + ": text", "ARTICLE_TEXT_LENGTH", MAX_TEXT));
			}
			printable(text, line + ": text", problems);
			if (article != null && articleNumbers.contains(article)) {
				problems.add(new FieldProblem(line + ": article", "ARTICLE_DUPLICATE", article));
			}
		}
		if (problems.size() > before) {
			return;
		}
		if (article == null) {
			chapters.put(chapter, title);
		}
		else {
			articleNumbers.add(article);
			articles.add(new LawArticle(article, chapter, title, text));
		}
	}

	private static Integer number(String cell, int max, String at, List<FieldProblem> problems) {
		try {
			int value = Integer.parseInt(cell.strip());
			if (value >= 1 && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(at, "QUESTION_NUMBER_INVALID", 1, max));
		return null;
	}

	/** Trimmed, in NFC, with Windows line breaks made plain. */
	private static String text(String cell) {
		return Normalizer.normalize(cell.replace("\r\n", "\n").strip(), Normalizer.Form.NFC);
	}

	private static void printable(String value, String at, List<FieldProblem> problems) {
		if (CONTROL.matcher(value).find()) {
			problems.add(new FieldProblem(at, "TEXT_INVALID"));
		}
	}

	/**
	 * A parsed file.
	 *
	 * @param chapters chapter number → title, in file order
	 * @param articles the articles, in file order
	 * @param problems every problem found; nothing is imported unless empty
	 */
	public record Parsed(Map<Integer, String> chapters, List<LawArticle> articles, List<FieldProblem> problems) {
	}

}
