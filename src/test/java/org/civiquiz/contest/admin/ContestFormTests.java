package org.civiquiz.contest.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.admin.ContestForm.RoundForm;
import org.civiquiz.contest.admin.ContestForm.UnitForm;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ContestFormTests {

	private static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant CLOSES = Instant.parse("2027-01-01T00:00:00Z");

	@Test
	void aCompleteFormPassesAndMissingListsBecomeEmpty() {
		ContestForm form = form(List.of(round(1, OPENS, CLOSES)), List.of(unit("HP", null)));

		assertThat(form.validated()).isSameAs(form);
		assertThat(new ContestForm("s", "t", "l", null, null, null, "b", OPENS, CLOSES, 20, 20, 3, null, "?", null,
				ContestStatus.DRAFT, null, null, null, null, null, null, null)
			.districts()).isEmpty();
	}

	@Test
	void namesEveryFieldAtFault() {
		ContestForm form = new ContestForm("Luật HTX", " ", "Luật", null, null, null, "bank_1", CLOSES, OPENS, 0, 32,
				101, Map.of(1, 20, 2, 15), "x".repeat(501), List.of("Quận Lê Chân", "Quận Lê Chân"),
				ContestStatus.FINALIZED, List.of(round(1, OPENS, CLOSES)), List.of(unit("HP", null)), null, null, null,
				null, null);

		assertThat(problems(form)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("slug", "SLUG_INVALID"), tuple("title", "FIELD_REQUIRED"),
					tuple("predictionQuestion", "TEXT_TOO_LONG"), tuple("questionBank", "SLUG_INVALID"),
					tuple("closesAt", "WINDOW_INVALID"), tuple("timeLimitMinutes", "NUMBER_RANGE"),
					tuple("questionsPerAttempt", "NUMBER_RANGE"), tuple("maxAttemptsPerRound", "NUMBER_RANGE"),
					tuple("chapterQuotas", "CHAPTER_QUOTAS_INVALID"), tuple("districts[1]", "LIST_ITEM_INVALID"),
					tuple("status", "STATUS_INVALID"));
	}

	@Test
	void roundsMustBeNumberedOnceLieInTheContestAndNotOverlap() {
		Instant mid = Instant.parse("2026-12-15T00:00:00Z");
		ContestForm form = form(Arrays.asList(round(1, OPENS, mid), round(1, mid.minusSeconds(60), CLOSES),
				round(3, OPENS.minusSeconds(1), mid), null), List.of(unit("HP", null)));

		assertThat(problems(form)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("rounds[1].number", "ROUND_NUMBER_INVALID"),
					tuple("rounds[2].closesAt", "ROUND_OUTSIDE_CONTEST"), tuple("rounds[3]", "FIELD_REQUIRED"),
					tuple("rounds", "ROUNDS_OVERLAP"));
	}

	@Test
	void unitsNeedUniqueCodesAndAParentListedBeforeThem() {
		ContestForm form = form(List.of(round(1, OPENS, CLOSES)), List.of(unit("HP", null), unit("HP", null),
				unit("HP.LC", "HP.XX"), unit("bad code", null), new UnitForm("HP.2", "Đơn vị 2", "HP", -1)));

		assertThat(problems(form)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("units[1].code", "UNIT_CODE_INVALID"),
					tuple("units[2].parentCode", "UNIT_PARENT_UNKNOWN"), tuple("units[3].code", "UNIT_CODE_INVALID"),
					tuple("units[4].headcount", "NUMBER_RANGE"));
	}

	@Test
	void aContestNeedsRoundsAndUnitsAndNoControlCharacters() {
		ContestForm form = new ContestForm("luat-htx", "Cuộc thi\u0000", "Luật", null, null, null, "luat-htx-2023",
				OPENS, CLOSES, 20, 20, 3, null, "Bao nhiêu?", null, ContestStatus.OPEN, null, null, null, null, null,
				null, null);

		assertThat(problems(form)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("title", "TEXT_INVALID"), tuple("rounds", "FIELD_REQUIRED"),
					tuple("units", "FIELD_REQUIRED"));
	}

	@Test
	void aPracticeContestNeedsNoPredictionQuestionAndLeftWithoutLimitHasNone() {
		ContestForm practice = practice(null, null).validated();

		assertThat(practice.ranks()).isFalse();
		assertThat(practice.maxAttemptsPerRound()).isZero();
		assertThat(practice.predictionQuestion()).isEmpty();
		assertThat(practice(5, " ").validated().maxAttemptsPerRound()).isEqualTo(5);
	}

	@Test
	void onlyAPracticeContestMayLeaveAttemptsUnlimitedOrAskNoPrediction() {
		ContestForm ranked = new ContestForm("luat-htx", "Cuộc thi", "Luật", null, null, null, "luat-htx-2023", OPENS,
				CLOSES, 20, 20, 0, null, " ", null, ContestStatus.OPEN, List.of(round(1, OPENS, CLOSES)),
				List.of(unit("HP", null)), null, null, null, null, true);

		assertThat(problems(ranked)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("maxAttemptsPerRound", "NUMBER_RANGE"),
					tuple("predictionQuestion", "FIELD_REQUIRED"));
		assertThat(problems(practice(-1, null))).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("maxAttemptsPerRound", "NUMBER_RANGE"));
	}

	private static ContestForm practice(Integer maxAttempts, String prediction) {
		return new ContestForm("on-tap", "Thi thử", "Luật", null, null, null, "on-tap", OPENS, CLOSES, 20, 20,
				maxAttempts, null, prediction, null, ContestStatus.OPEN, List.of(round(1, OPENS, CLOSES)),
				List.of(unit("HP", null)), null, null, null, null, false);
	}

	private static ContestForm form(List<RoundForm> rounds, List<UnitForm> units) {
		return new ContestForm("luat-htx", "Cuộc thi Luật Hợp tác xã", "Luật Hợp tác xã 2023", "", "", null,
				"luat-htx-2023", OPENS, CLOSES, 20, 20, 3, Map.of(1, 2), "Bao nhiêu bài thi đạt 20/20?",
				List.of("Quận Lê Chân"), ContestStatus.OPEN, rounds, units, null, null, null, null, null);
	}

	private static RoundForm round(int number, Instant opens, Instant closes) {
		return new RoundForm(number, "Tuần " + number, opens, closes);
	}

	private static UnitForm unit(String code, String parent) {
		return new UnitForm(code, "Đơn vị " + code, parent, 100);
	}

	private static List<FieldProblem> problems(ContestForm form) {
		CiviquizException ex = catchThrowableOfType(CiviquizException.class, form::validated);
		assertThat(ex).as("refused").isNotNull();
		return ex.getFieldProblems();
	}

}
