package org.civiquiz.award;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.civiquiz.award.PrizePlan.PrizesPerPerson;
import org.civiquiz.award.PrizePlan.Tier;
import org.civiquiz.award.PrizePlan.UnitPrizesPer;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class PrizePlanTests {

	@Test
	void anEmptyPlanTakesTheDefaults() {
		PrizePlan plan = new PrizePlan(null, null, null, null, null, null, null).validated();

		assertThat(plan.round()).isEmpty();
		assertThat(plan.tieBreak()).isEqualTo(PrizePlan.DEFAULT_CHAIN);
		assertThat(plan.prizesPerPerson()).isEqualTo(PrizesPerPerson.HIGHEST_PER_CONTEST);
		assertThat(plan.unitPrizesPer()).isEqualTo(UnitPrizesPer.CONTEST);
	}

	@Test
	void aTiersNameIsStripped() {
		assertThat(new Tier("  Giải Nhất ", 1).name()).isEqualTo("Giải Nhất");
	}

	@Test
	void namesEveryFieldAtFault() {
		PrizePlan plan = new PrizePlan(List.of(new Tier("Giải Nhất", 1), new Tier(" ", 0)),
				List.of(new Tier("Giải\u0007Đặc biệt", 1001)), null, null, List.of(TieBreak.SCORE, TieBreak.SCORE),
				null, null);

		assertThat(problems(plan)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("round[1].name", "PRIZE_NAME_INVALID"),
					tuple("round[1].count", "PRIZE_COUNT_INVALID"), tuple("contest[0].name", "PRIZE_NAME_INVALID"),
					tuple("contest[0].count", "PRIZE_COUNT_INVALID"), tuple("tieBreak", "TIE_BREAK_INVALID"));
	}

	@Test
	void refusesAMissingTierAndAnEmptyOrIncompleteChain() {
		PrizePlan missingTier = new PrizePlan(Arrays.asList(new Tier("Giải Ba", 3), null), null, null, null, List.of(),
				null, null);
		PrizePlan nullStep = new PrizePlan(null, null, null, null, Arrays.asList(TieBreak.SCORE, null), null, null);

		assertThat(problems(missingTier)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("round[1].name", "tieBreak");
		assertThat(problems(nullStep)).extracting(FieldProblem::field).containsExactly("tieBreak");
	}

	@Test
	void limitsTheNumberOfTiersAndTheLengthOfANameAndTheCount() {
		List<Tier> many = new ArrayList<>(Collections.nCopies(PrizePlan.MAX_TIERS + 1, new Tier("Khuyến khích", 1)));
		PrizePlan tooMany = new PrizePlan(null, null, many, null, null, null, null);
		PrizePlan longest = new PrizePlan(List.of(new Tier("x".repeat(100), PrizePlan.MAX_COUNT)), null, null, null,
				null, null, null);
		PrizePlan tooLong = new PrizePlan(List.of(new Tier("x".repeat(101), 1)), null, null, null, null, null, null);

		assertThat(problems(tooMany)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("unitsByParticipants", "PRIZE_TIERS_TOO_MANY"));
		assertThat(longest.validated()).isSameAs(longest);
		assertThat(problems(tooLong)).extracting(FieldProblem::code).containsExactly("PRIZE_NAME_INVALID");
	}

	private static List<FieldProblem> problems(PrizePlan plan) {
		CiviquizException ex = catchThrowableOfType(CiviquizException.class, plan::validated);
		assertThat(ex).as("refused").isNotNull();
		assertThat(ex.getCode()).isEqualTo("VALIDATION_FAILED");
		return ex.getFieldProblems();
	}

}
