package org.civiquiz.question;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The integrity of the bundled Cooperative Law 2023 question bank (Luật số 17/2023/QH15).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperativeLawBankTests {

	/** Articles of each of the law's 12 chapters (fact sheet F016–F027). */
	private static final Map<Integer, int[]> CHAPTERS = Map.ofEntries(Map.entry(1, new int[] { 1, 16 }),
			Map.entry(2, new int[] { 17, 29 }), Map.entry(3, new int[] { 30, 37 }), Map.entry(4, new int[] { 38, 55 }),
			Map.entry(5, new int[] { 56, 72 }), Map.entry(6, new int[] { 73, 91 }), Map.entry(7, new int[] { 92, 104 }),
			Map.entry(8, new int[] { 105, 106 }), Map.entry(9, new int[] { 107, 109 }),
			Map.entry(10, new int[] { 110, 111 }), Map.entry(11, new int[] { 112, 113 }),
			Map.entry(12, new int[] { 114, 115 }));

	/**
	 * Characters of each chapter's articles in the full text
	 * (luat-17-2023-QH15-fulltext-phapdien.md beside the fact sheet): Chapter V,
	 * governance, is a fifth of the law.
	 */
	private static final Map<Integer, Integer> CHAPTER_TEXT = Map.ofEntries(Map.entry(1, 22970), Map.entry(2, 15021),
			Map.entry(3, 13145), Map.entry(4, 22330), Map.entry(5, 35445), Map.entry(6, 25092), Map.entry(7, 25174),
			Map.entry(8, 1740), Map.entry(9, 3193), Map.entry(10, 3140), Map.entry(11, 2303), Map.entry(12, 2407));

	private static final Path FACT_SHEET = Path.of("../shared/reference/cooperative-law-2023-facts.md");

	private static final Path FULL_TEXT = Path.of("../shared/reference/luat-17-2023-QH15-fulltext-phapdien.md");

	/** A clause of the law where the fact sheet is silent: D63.1 is Điều 63 khoản 1. */
	private static final Pattern CLAUSE = Pattern.compile("D(\\d+)\\.(\\d+)");

	private List<QuestionCsv.QuestionRow> rows;

	private List<CSVRecord> records;

	@BeforeAll
	void load() throws IOException {
		byte[] csv;
		try (InputStream in = new ClassPathResource("questions/luat-htx-2023.csv").getInputStream()) {
			csv = in.readAllBytes();
		}
		QuestionCsv.Parsed parsed = QuestionCsv.parse(csv);
		assertThat(parsed.problems()).isEmpty();
		this.rows = parsed.rows();
		this.records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(new String(csv, StandardCharsets.UTF_8)))
			.getRecords();
	}

	@Test
	void hasAtLeast150Questions() {
		assertThat(this.rows).hasSizeGreaterThanOrEqualTo(150);
	}

	@Test
	void everyArticleLiesInItsChapter() {
		assertThat(this.rows).allSatisfy((row) -> {
			int[] range = CHAPTERS.get(row.chapter());
			assertThat(range).as("chapter of %s", row.code()).isNotNull();
			assertThat(row.article()).as("article of %s", row.code()).isBetween(range[0], range[1]);
			assertThat(row.code()).startsWith("C%02d-".formatted(row.chapter()));
		});
	}

	@Test
	void everyChapterIsCoveredInProportionToItsSize() {
		Map<Integer, Long> perChapter = this.rows.stream()
			.collect(Collectors.groupingBy(QuestionCsv.QuestionRow::chapter, Collectors.counting()));
		CHAPTERS.forEach((chapter, range) -> {
			int articles = range[1] - range[0] + 1;
			assertThat(perChapter.getOrDefault(chapter, 0L)).as("questions in chapter %d", chapter)
				.isGreaterThanOrEqualTo(Math.max(4, articles));
		});
	}

	@Test
	void governanceHoldsAtLeastItsShareOfTheText() {
		long governance = this.rows.stream().filter((row) -> row.chapter() == 5).count();
		int text = CHAPTER_TEXT.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(governance).isGreaterThanOrEqualTo(this.rows.size() * (long) CHAPTER_TEXT.get(5) / text);
	}

	@Test
	void everyQuestionHasFourDistinctOptionsAndOneCorrect() {
		assertThat(this.rows).allSatisfy((row) -> {
			assertThat(row.options()).hasSize(4).doesNotHaveDuplicates();
			assertThat(row.correctOption()).isBetween(1, 4);
		});
	}

	@Test
	void optionsStandAloneBecauseTheyAreShuffled() {
		Pattern crossReference = Pattern.compile("(?i)tất cả|cả [abcd]\\b|đáp án trên|phương án trên|các ý trên");
		assertThat(this.rows).allSatisfy(
				(row) -> assertThat(row.options()).noneMatch((option) -> crossReference.matcher(option).find()));
	}

	@Test
	void noStemRepeats() {
		assertThat(this.rows.stream().map((row) -> QuestionCsv.stemKey(row.text()))).doesNotHaveDuplicates();
	}

	@Test
	void everyExplanationCitesTheQuestionsArticle() {
		assertThat(this.rows)
			.allSatisfy((row) -> assertThat(row.explanation()).as(row.code()).contains("Điều " + row.article()));
	}

	@Test
	void correctAnswersAreSpreadOverThePositions() {
		Map<Integer, Long> positions = this.rows.stream()
			.collect(Collectors.groupingBy(QuestionCsv.QuestionRow::correctOption, Collectors.counting()));
		assertThat(positions.values()).allSatisfy((count) -> assertThat(count).isGreaterThan(this.rows.size() / 5));
	}

	@Test
	void theLengthOfAnOptionDoesNotGiveTheAnswerAway() {
		long longest = this.rows.stream().filter((row) -> {
			int correct = row.options().get(row.correctOption() - 1).length();
			return row.options().stream().filter((option) -> option.length() >= correct).count() == 1;
		}).count();
		// by chance a quarter; a bank where the right answer is usually the longest is
		// guessable
		assertThat(longest).isLessThanOrEqualTo(this.rows.size() * 30 / 100);
	}

	@Test
	void theCorrectValueIsAsOftenTheLargestAsTheSmallestOfNumericOptions() {
		int[] ranks = AnswerCues.keyRanks(this.rows);
		int numeric = ranks[0] + ranks[1] + ranks[2] + ranks[3];
		assertThat(numeric).isGreaterThanOrEqualTo(34);
		// largest, second largest, second smallest, smallest: about a quarter each
		assertThat(Arrays.stream(ranks).boxed().toList())
			.allSatisfy((count) -> assertThat(count).isBetween(numeric / 5, numeric * 3 / 10));
		assertThat(AnswerCues.rankSkewed(ranks)).isFalse();
	}

	@Test
	void noAnswerIsToldByTheAbsoluteWordsOfTheOthers() {
		assertThat(this.rows).filteredOn((row) -> AnswerCues.absoluteWordCue(row.options(), row.correctOption()))
			.extracting(QuestionCsv.QuestionRow::code)
			.isEmpty();
	}

	@Test
	void absoluteWordsAreAboutAsFrequentInRightOptionsAsInWrongOnes() {
		long right = this.rows.stream()
			.filter((row) -> AnswerCues.absolute(row.options().get(row.correctOption() - 1)))
			.count();
		long all = this.rows.stream().flatMap((row) -> row.options().stream()).filter(AnswerCues::absolute).count();
		double rightShare = (double) right / this.rows.size();
		double wrongShare = (double) (all - right) / (3 * this.rows.size());
		assertThat(right).isGreaterThanOrEqualTo(10);
		assertThat(Math.max(rightShare, wrongShare)).isLessThanOrEqualTo(1.25 * Math.min(rightShare, wrongShare));
		assertThat(AnswerCues.warnings(this.rows)).isEmpty();
	}

	@Test
	void theLawNamedAtTheStartOfAStemIsFollowedByAComma() {
		Pattern law = Pattern.compile("(?i)theo Luật Hợp tác xã 2023(?![,?]|$)");
		assertThat(this.rows)
			.allSatisfy((row) -> assertThat(law.matcher(row.text()).find()).as("comma after the law in %s", row.code())
				.isFalse());
	}

	@Test
	void everyAnswerRestsOnVerifiedFactsOfTheFactSheet() throws IOException {
		assumeTrue(Files.exists(FACT_SHEET), "the fact sheet is in ../shared beside the repository");
		Set<String> verified = verifiedFacts(Files.readString(FACT_SHEET));
		String law = Files.exists(FULL_TEXT) ? Files.readString(FULL_TEXT) : null;
		assertThat(verified).hasSizeGreaterThan(100);
		assertThat(this.records).allSatisfy((record) -> {
			String[] facts = record.get("facts").strip().split("\\s+");
			assertThat(facts).as("facts of %s", record.get("code")).isNotEmpty();
			for (String fact : facts) {
				Matcher clause = CLAUSE.matcher(fact);
				if (clause.matches()) {
					assertThat(clause.group(1)).as("clause of %s", record.get("code")).isEqualTo(record.get("article"));
					if (law != null) {
						assertThat(clauseOf(law, clause.group(1), clause.group(2))).as("%s in the law", fact).isTrue();
					}
				}
				else {
					assertThat(verified).as("facts of %s", record.get("code")).contains(fact);
				}
			}
		});
	}

	/**
	 * Whether the article has the clause: a line "N. …" between its heading and the next.
	 */
	private static boolean clauseOf(String law, String article, String clause) {
		Matcher heading = Pattern.compile("(?m)^Điều 12\\.4\\.LQ\\." + article + "\\.").matcher(law);
		if (!heading.find()) {
			return false;
		}
		int end = law.indexOf("\nĐiều 12.4.LQ.", heading.end());
		String text = law.substring(heading.end(), (end >= 0) ? end : law.length());
		return Pattern.compile("(?m)^" + clause + "\\. ").matcher(text).find();
	}

	/**
	 * Fact lines marked VERIFIED, and the chapter map's rows, which the sheet declares
	 * verified as a whole.
	 */
	private static Set<String> verifiedFacts(String sheet) {
		Pattern line = Pattern.compile("\\[(F\\d{3})\\].*\\*\\*VERIFIED\\*\\*");
		Pattern mapRow = Pattern.compile("^\\| (F0(1[6-9]|2[0-7])) \\|");
		return sheet.lines().map((text) -> {
			Matcher fact = line.matcher(text);
			if (fact.find()) {
				return fact.group(1);
			}
			Matcher row = mapRow.matcher(text);
			return row.find() ? row.group(1) : null;
		}).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

}
