package org.civiquiz.question.file;

import java.nio.charset.StandardCharsets;

import org.civiquiz.question.LawArticle;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ArticleCsvTests {

	@Test
	void readsChapterRowsAndArticlesWithTheirLines() {
		ArticleCsv.Parsed parsed = parse("""
				chapter,article,title,text,note
				1,,Những quy định chung,,
				1,4,Giải thích từ ngữ,"Trong Luật này:\r
				1. Giao dịch nội bộ là …",ghi chú
				""");

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.chapters()).containsEntry(1, "Những quy định chung");
		assertThat(parsed.articles())
			.containsExactly(new LawArticle(4, 1, "Giải thích từ ngữ", "Trong Luật này:\n1. Giao dịch nội bộ là …"));
	}

	@Test
	void namesEveryProblemWithItsLineAndImportsNothing() {
		ArticleCsv.Parsed parsed = parse("""
				chapter,article,title,text
				1,,Chương một,có nội dung
				0,2,Điều hai,Nội dung
				1,3,,Nội dung
				1,4,Điều bốn,
				1,5,Điều năm,Nội dung
				1,5,Điều năm lần nữa,Nội dung
				""");

		assertThat(parsed.problems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("line 2: text", "CHAPTER_TEXT_NOT_EMPTY"),
					tuple("line 3: chapter", "QUESTION_NUMBER_INVALID"), tuple("line 4: title", "ARTICLE_TITLE_LENGTH"),
					tuple("line 5: text", "ARTICLE_TEXT_LENGTH"), tuple("line 7: article", "ARTICLE_DUPLICATE"));
	}

	@Test
	void refusesAFileWithoutItsColumnsOrRows() {
		assertThat(parse("chapter,article,title\n1,1,x\n").problems()).extracting(FieldProblem::code)
			.containsExactly("CSV_COLUMNS_MISSING");
		assertThat(parse("chapter,article,title,text\n").problems()).extracting(FieldProblem::code)
			.containsExactly("ARTICLE_FILE_EMPTY");
	}

	private static ArticleCsv.Parsed parse(String csv) {
		return ArticleCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
	}

}
