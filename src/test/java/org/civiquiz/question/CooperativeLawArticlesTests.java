package org.civiquiz.question;

import org.civiquiz.question.file.ArticleCsv;
import org.civiquiz.question.file.QuestionCsv;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Cooperative Law 2023's own text shipped beside the bundled bank
 * ({@code questions/luat-htx-2023-articles.csv}), which reviews show beside each
 * question, and the extraction that makes it from the full text
 * ({@code ../shared/reference/luat-17-2023-QH15-fulltext-phapdien.md}, the Pháp điển copy
 * of Law No. 17/2023/QH15).
 * <p>
 * The extraction, repeatable: each article starts at a line {@code Điều 12.4.LQ.N.
 * Title} (the Pháp điển number, whose last part is the law's article number, which the
 * next line, {@code (Điều N Luật số 17/2023/QH15 …)}, confirms and is dropped). Its text
 * is every following line up to the next article, with blank lines and section headings
 * ({@code **Mục 2. …**}, which belong to the chapter, not the article) left out, Markdown
 * links reduced to their words, and a clause number glued to its words ({@code 1.Giao
 * dịch}) given its space. Chapters and their titles are the fact sheet's (F016–F027): the
 * full text has none. When the shipped file differs from what the extraction makes now,
 * this test fails and writes the extraction to {@code target/luat-htx-2023-articles.csv}:
 * read the difference, then copy that file over the shipped one.
 */
class CooperativeLawArticlesTests {

	private static final Path FULL_TEXT = Path.of("../shared/reference/luat-17-2023-QH15-fulltext-phapdien.md");

	private static final String SHIPPED = "questions/luat-htx-2023-articles.csv";

	/** Chapter → title and first and last article (fact sheet F016–F027). */
	private static final Map<Integer, Chapter> CHAPTERS = Map.ofEntries(
			Map.entry(1, new Chapter("Những quy định chung", 1, 16)),
			Map.entry(2,
					new Chapter("Chính sách của Nhà nước về phát triển tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã",
							17, 29)),
			Map.entry(3, new Chapter("Thành viên của hợp tác xã, liên hiệp hợp tác xã", 30, 37)),
			Map.entry(4, new Chapter("Thành lập hợp tác xã, liên hiệp hợp tác xã", 38, 55)),
			Map.entry(5, new Chapter("Tổ chức quản trị", 56, 72)),
			Map.entry(6, new Chapter("Tài sản, tài chính của hợp tác xã, liên hiệp hợp tác xã", 73, 91)),
			Map.entry(7, new Chapter("Tổ chức lại, giải thể, phá sản", 92, 104)),
			Map.entry(8, new Chapter("Kiểm toán hợp tác xã, liên hiệp hợp tác xã", 105, 106)),
			Map.entry(9, new Chapter("Tổ hợp tác", 107, 109)),
			Map.entry(10, new Chapter("Tổ chức đại diện của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã", 110, 111)),
			Map.entry(11, new Chapter("Quản lý nhà nước", 112, 113)),
			Map.entry(12, new Chapter("Điều khoản thi hành", 114, 115)));

	private static final Pattern HEADING = Pattern.compile("Điều 12\\.4\\.LQ\\.(\\d+)\\.\\s+(.+)");

	private static final Pattern SOURCE = Pattern.compile("\\(Điều (\\d+) Luật số 17/2023/QH15.*\\)");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");

	private static final Pattern GLUED_CLAUSE = Pattern.compile("^(\\d+)\\.(?=\\S)");

	@Test
	void theShippedTextIsTheFullTextsOwnWords() throws IOException {
		assumeTrue(Files.isRegularFile(FULL_TEXT), "the full text is beside the repository");
		String extracted = csv(extract(Files.readString(FULL_TEXT, StandardCharsets.UTF_8)));
		String shipped = new ClassPathResource(SHIPPED).getContentAsString(StandardCharsets.UTF_8);
		if (!extracted.equals(shipped)) {
			Path written = Path.of("target", "luat-htx-2023-articles.csv");
			Files.createDirectories(written.getParent());
			Files.writeString(written, extracted, StandardCharsets.UTF_8);
			fail("src/main/resources/" + SHIPPED + " differs from the extraction, written to "
					+ written.toAbsolutePath());
		}
	}

	@Test
	void everyArticleOfTheLawAndEveryArticleTheBankCitesHasItsText() throws IOException {
		ArticleCsv.Parsed parsed = ArticleCsv.parse(new ClassPathResource(SHIPPED).getContentAsByteArray());
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.chapters()).hasSize(12);
		assertThat(parsed.articles()).hasSize(115);
		assertThat(parsed.articles()).allSatisfy((article) -> {
			Chapter chapter = CHAPTERS.get(article.chapter());
			assertThat(article.article()).isBetween(chapter.first(), chapter.last());
			assertThat(article.text()).doesNotContain("](http").doesNotContain("**");
		});
		Map<Integer, LawArticle> byNumber = new java.util.HashMap<>();
		parsed.articles().forEach((article) -> byNumber.put(article.article(), article));
		QuestionCsv.Parsed bank = QuestionCsv
			.parse(new ClassPathResource("questions/luat-htx-2023.csv").getContentAsByteArray());
		assertThat(bank.rows()).allSatisfy((question) -> {
			LawArticle article = byNumber.get(question.article());
			assertThat(article).as("Điều %d of %s", question.article(), question.code()).isNotNull();
			assertThat(article.chapter()).as("chapter of %s", question.code()).isEqualTo(question.chapter());
		});
		assertThat(byNumber.get(4).title()).isEqualTo("Giải thích từ ngữ");
		assertThat(byNumber.get(4).text()).contains(
				"7. Hợp tác xã là tổ chức có tư cách pháp nhân do ít nhất 05 thành viên chính thức tự nguyện thành lập");
	}

	/** The articles of the full text, in order, as the class comment says. */
	static List<LawArticle> extract(String fullText) {
		List<LawArticle> articles = new ArrayList<>();
		Integer number = null;
		String title = null;
		List<String> lines = new ArrayList<>();
		boolean sourceLine = false;
		for (String raw : fullText.split("\n")) {
			String line = raw.strip();
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				if (number != null) {
					articles.add(article(number, title, lines));
				}
				number = Integer.valueOf(heading.group(1));
				title = heading.group(2).strip();
				lines = new ArrayList<>();
				sourceLine = true;
				continue;
			}
			if (number == null) {
				continue;
			}
			if (sourceLine) {
				Matcher source = SOURCE.matcher(line);
				assertThat(source.matches()).as("source line of Điều %d: %s", number, line).isTrue();
				assertThat(Integer.valueOf(source.group(1))).as("article number").isEqualTo(number);
				sourceLine = false;
				continue;
			}
			if (line.isEmpty() || line.startsWith("**")) {
				continue;
			}
			line = LINK.matcher(line).replaceAll("$1");
			lines.add(GLUED_CLAUSE.matcher(line).replaceFirst("$1. "));
		}
		if (number != null) {
			articles.add(article(number, title, lines));
		}
		for (int i = 0; i < articles.size(); i++) {
			assertThat(articles.get(i).article()).as("articles in order").isEqualTo(i + 1);
		}
		return articles;
	}

	private static LawArticle article(int number, String title, List<String> lines) {
		int chapter = CHAPTERS.entrySet()
			.stream()
			.filter((entry) -> number >= entry.getValue().first() && number <= entry.getValue().last())
			.mapToInt(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		return new LawArticle(number, chapter, title, String.join("\n", lines));
	}

	/** The shipped file's form: each chapter's row, then its articles. */
	static String csv(List<LawArticle> articles) throws IOException {
		StringWriter out = new StringWriter();
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader(ArticleCsv.COLUMNS.toArray(String[]::new))
			.setRecordSeparator("\n")
			.get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (int chapter = 1; chapter <= CHAPTERS.size(); chapter++) {
				printer.printRecord(chapter, "", CHAPTERS.get(chapter).title(), "");
				for (LawArticle article : articles) {
					if (article.chapter() == chapter) {
						printer.printRecord(chapter, article.article(), article.title(), article.text());
					}
				}
			}
		}
		return out.toString();
	}

	private record Chapter(String title, int first, int last) {
	}

}
