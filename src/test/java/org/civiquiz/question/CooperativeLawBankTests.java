package org.civiquiz.question;

import org.civiquiz.question.file.AnswerCues;
import org.civiquiz.question.file.QuestionCsv;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The integrity of the bundled Cooperative Law 2023 question banks (Luật số
 * 17/2023/QH15): the contest's and the practice contest's, each held to the same checks.
 */
@ParameterizedClass
@MethodSource("banks")
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

	/** A clause of the law's full text, for a question the fact sheet is silent on. */
	private static final Pattern CLAUSE = Pattern.compile("A(\\d{1,3})\\.(\\d{1,2})");

	private final Bank bank;

	private List<QuestionCsv.QuestionRow> rows;

	private List<CSVRecord> records;

	CooperativeLawBankTests(Bank bank) throws IOException {
		this.bank = bank;
		load();
	}

	private void load() throws IOException {
		byte[] csv;
		try (InputStream in = new ClassPathResource(this.bank.file()).getInputStream()) {
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

	/**
	 * The contest's bank covers every chapter in proportion to its size; the practice
	 * bank, at least 40 questions of its own, mostly what the contest's bank leaves out
	 * (unions of cooperatives, Articles 4 and 34–37; general meetings and dismissals,
	 * Articles 57, 59 and 63; capital caps, Article 74).
	 */
	static List<Bank> banks() {
		Map<Integer, Integer> everyChapter = new java.util.TreeMap<>();
		CHAPTERS.forEach((chapter, range) -> everyChapter.put(chapter, Math.max(4, range[1] - range[0] + 1)));
		return List.of(new Bank("questions/luat-htx-2023.csv", 150, everyChapter),
				new Bank("questions/on-tap-luat-htx-2023.csv", 40, Map.of(1, 4, 3, 6, 5, 10, 6, 4)));
	}

	@Test
	void hasEnoughQuestions() {
		assertThat(this.rows).hasSizeGreaterThanOrEqualTo(this.bank.minQuestions());
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
	void everyChapterIsCoveredAsTheBankMeans() {
		Map<Integer, Long> perChapter = this.rows.stream()
			.collect(Collectors.groupingBy(QuestionCsv.QuestionRow::chapter, Collectors.counting()));
		this.bank.minPerChapter()
			.forEach((chapter, minimum) -> assertThat(perChapter.getOrDefault(chapter, 0L))
				.as("questions in chapter %d", chapter)
				.isGreaterThanOrEqualTo(minimum));
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
		assertThat(AnswerCues.rankSkewed(ranks)).isFalse();
		// largest, second largest, second smallest, smallest: about a quarter each, where
		// there are enough of them to tell (the contest's bank)
		if (numeric >= 20) {
			assertThat(Arrays.stream(ranks).boxed().toList())
				.allSatisfy((count) -> assertThat(count).isBetween(numeric / 5, numeric * 3 / 10));
		}
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
		assertThat(AnswerCues.warnings(this.rows)).isEmpty();
		// stricter than the import's warning, where there are enough of them to tell
		if (right >= 10) {
			assertThat(Math.max(rightShare, wrongShare)).isLessThanOrEqualTo(1.25 * Math.min(rightShare, wrongShare));
		}
	}

	@Test
	void theLawNamedAtTheStartOfAStemIsFollowedByAComma() {
		Pattern law = Pattern.compile("(?i)theo Luật Hợp tác xã 2023(?![,?]|$)");
		assertThat(this.rows)
			.allSatisfy((row) -> assertThat(law.matcher(row.text()).find()).as("comma after the law in %s", row.code())
				.isFalse());
	}

	/**
	 * Each answer names what it rests on: VERIFIED facts of the fact sheet, or, where the
	 * sheet is silent, a clause of the law's full text ({@code A59.6}: Article 59, clause
	 * 6) of the question's own article, which must exist there.
	 */
	@Test
	void everyAnswerRestsOnVerifiedFactsOrAClauseOfTheLaw() throws IOException {
		assumeTrue(Files.exists(FACT_SHEET) && Files.exists(FULL_TEXT),
				"the fact sheet and the full text are in ../shared beside the repository");
		Set<String> verified = verifiedFacts(Files.readString(FACT_SHEET));
		assertThat(verified).hasSizeGreaterThan(100);
		String law = Files.readString(FULL_TEXT);
		assertThat(this.records).allSatisfy((record) -> {
			String[] sources = record.get("facts").strip().split("\\s+");
			assertThat(sources).as("facts of %s", record.get("code")).isNotEmpty();
			for (String source : sources) {
				Matcher clause = CLAUSE.matcher(source);
				if (clause.matches()) {
					assertThat(clause.group(1)).as("article of %s", record.get("code"))
						.isEqualTo(record.get("article"));
					assertThat(clauses(law, Integer.parseInt(clause.group(1))))
						.as("clause %s of %s", source, record.get("code"))
						.contains(Integer.parseInt(clause.group(2)));
				}
				else {
					assertThat(verified).as("facts of %s", record.get("code")).contains(source);
				}
			}
		});
	}

	/** The numbered clauses of an article in the full text. */
	private static Set<Integer> clauses(String law, int article) {
		int start = law.indexOf("(Điều " + article + " Luật số 17/2023/QH15");
		assertThat(start).as("Article %d in the full text", article).isNotNegative();
		int end = law.indexOf("\nĐiều 12.4.LQ.", start);
		String text = law.substring(start, (end < 0) ? law.length() : end);
		Matcher numbered = Pattern.compile("(?m)^(\\d{1,2})\\.").matcher(text);
		Set<Integer> clauses = new java.util.HashSet<>();
		while (numbered.find()) {
			clauses.add(Integer.parseInt(numbered.group(1)));
		}
		return clauses;
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

	/**
	 * A bundled bank and what it must hold.
	 *
	 * @param file its path on the class path
	 * @param minQuestions how many questions at least
	 * @param minPerChapter per chapter, how many questions at least
	 */
	record Bank(String file, int minQuestions, Map<Integer, Integer> minPerChapter) {

		@Override
		public String toString() {
			return this.file;
		}

	}

}
