package org.civiquiz.question;

import org.civiquiz.question.file.QuestionCsv;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice contest's bank shares nothing with the contest's: practice must never show
 * the contest's answer key.
 */
class PracticeBankTests {

	@Test
	void sharesNoQuestionWithTheContestsBank() throws IOException {
		List<QuestionCsv.QuestionRow> contest = rows("questions/luat-htx-2023.csv");
		List<QuestionCsv.QuestionRow> practice = rows("questions/on-tap-luat-htx-2023.csv");

		assertThat(practice).hasSizeGreaterThanOrEqualTo(40);
		Set<String> contestStems = contest.stream()
			.map((row) -> QuestionCsv.stemKey(row.text()))
			.collect(Collectors.toSet());
		Set<Set<String>> contestOptions = contest.stream().map(PracticeBankTests::options).collect(Collectors.toSet());
		assertThat(practice).allSatisfy((row) -> {
			assertThat(contestStems).as("stem of %s", row.code()).doesNotContain(QuestionCsv.stemKey(row.text()));
			assertThat(contestOptions).as("options of %s", row.code()).doesNotContain(options(row));
		});
	}

	private static Set<String> options(QuestionCsv.QuestionRow row) {
		return new HashSet<>(row.options().stream().map(QuestionCsv::stemKey).toList());
	}

	private static List<QuestionCsv.QuestionRow> rows(String file) throws IOException {
		try (InputStream in = new ClassPathResource(file).getInputStream()) {
			QuestionCsv.Parsed parsed = QuestionCsv.parse(in.readAllBytes());
			assertThat(parsed.problems()).as(file).isEmpty();
			return parsed.rows();
		}
	}

}
