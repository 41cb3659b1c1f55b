package org.civiquiz.question.file;

import java.nio.charset.StandardCharsets;

import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionCsvTests {

	private static final String HEADER = "code,chapter,article,text,option_a,option_b,option_c,option_d,correct,explanation\n";

	@Test
	void readsQuotedVietnameseRowsAndIgnoresExtraColumns() {
		String csv = "\uFEFF" + HEADER.replace("\n", ",facts\n")
				+ "C01-001,1,4,\"Hợp tác xã cần ít nhất bao nhiêu thành viên, theo luật?\",03,05,07,\"10, hoặc hơn\",b,\"Theo khoản 7 Điều 4.\",F032\n";
		QuestionCsv.Parsed parsed = QuestionCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).singleElement().satisfies((row) -> {
			assertThat(row.text()).isEqualTo("Hợp tác xã cần ít nhất bao nhiêu thành viên, theo luật?");
			assertThat(row.options()).containsExactly("03", "05", "07", "10, hoặc hơn");
			assertThat(row.correctOption()).isEqualTo(2);
		});
	}

	@Test
	void reportsEveryProblemWithItsLine() {
		String csv = HEADER + "C1,1,4,Stem one?,a,b,c,d,A,ok\n" + "C1,x,4,Stem two?,a,a,c,d,E,ok\n"
				+ "C3,1,4,Stem one?,a,b,c,d,A,ok\n" + "C4,1,4,short row\n";
		QuestionCsv.Parsed parsed = QuestionCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems()).extracting(FieldProblem::field, FieldProblem::code)
			.contains(org.assertj.core.groups.Tuple.tuple("line 3: chapter", "QUESTION_NUMBER_INVALID"),
					org.assertj.core.groups.Tuple.tuple("line 3: option_b", "QUESTION_OPTION_DUPLICATE"),
					org.assertj.core.groups.Tuple.tuple("line 3: correct", "QUESTION_CORRECT_INVALID"),
					org.assertj.core.groups.Tuple.tuple("line 4: text", "QUESTION_STEM_DUPLICATE"),
					org.assertj.core.groups.Tuple.tuple("line 5", "CSV_ROW_LENGTH"));
	}

	@Test
	void missingColumnsAreNamed() {
		QuestionCsv.Parsed parsed = QuestionCsv.parse("code,text\nC1,x\n".getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("CSV_COLUMNS_MISSING"));
	}

	@Test
	void emptyFileIsRefused() {
		assertThat(QuestionCsv.parse(HEADER.getBytes(StandardCharsets.UTF_8)).problems()).extracting(FieldProblem::code)
			.containsExactly("CSV_EMPTY");
		assertThat(QuestionCsv.parse(new byte[0]).problems()).isNotEmpty();
	}

}
