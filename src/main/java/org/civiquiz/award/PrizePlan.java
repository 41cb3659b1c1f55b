package org.civiquiz.award;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * What a contest awards and how it ranks.
 *
 * @param round the prizes of each round, highest first (e.g. 1 first, 2 second, 3 third,
 * 10 consolation)
 * @param contest the prizes for the whole contest, highest first
 * @param unitsByParticipants collective prizes for the units with the most participants
 * @param unitsByParticipationRate collective prizes for the units with the highest share
 * of their headcount taking part (units whose headcount is known)
 * @param tieBreak the ranking chain; the attempt id always follows it
 * @param prizesPerPerson whether a person can win in more than one list of the contest
 * @param unitPrizesPer whether the collective prizes are given for the whole contest (the
 * default) or in each round
 */
public record PrizePlan(List<Tier> round, List<Tier> contest, List<Tier> unitsByParticipants,
		List<Tier> unitsByParticipationRate, List<TieBreak> tieBreak, PrizesPerPerson prizesPerPerson,
		UnitPrizesPer unitPrizesPer) {

	/** The chain the architecture names: score, prediction, duration, submission time. */
	public static final List<TieBreak> DEFAULT_CHAIN = List.of(TieBreak.SCORE, TieBreak.PREDICTION, TieBreak.DURATION,
			TieBreak.SUBMITTED_AT);

	static final int MAX_TIERS = 20;

	static final int MAX_COUNT = 1000;

	public PrizePlan {
		round = (round != null) ? round : List.of();
		contest = (contest != null) ? contest : List.of();
		unitsByParticipants = (unitsByParticipants != null) ? unitsByParticipants : List.of();
		unitsByParticipationRate = (unitsByParticipationRate != null) ? unitsByParticipationRate : List.of();
		tieBreak = (tieBreak != null) ? tieBreak : DEFAULT_CHAIN;
		prizesPerPerson = (prizesPerPerson != null) ? prizesPerPerson : PrizesPerPerson.HIGHEST_PER_CONTEST;
		unitPrizesPer = (unitPrizesPer != null) ? unitPrizesPer : UnitPrizesPer.CONTEST;
	}

	/**
	 * Checks the plan a person sent.
	 * @return the plan
	 * @throws CiviquizException {@code VALIDATION_FAILED} naming every field at fault
	 */
	PrizePlan validated() {
		List<FieldProblem> problems = new ArrayList<>();
		tiers("round", this.round, problems);
		tiers("contest", this.contest, problems);
		tiers("unitsByParticipants", this.unitsByParticipants, problems);
		tiers("unitsByParticipationRate", this.unitsByParticipationRate, problems);
		Set<TieBreak> seen = new HashSet<>();
		if (this.tieBreak.isEmpty() || this.tieBreak.stream().anyMatch(Objects::isNull)
				|| !this.tieBreak.stream().allMatch(seen::add)) {
			problems.add(new FieldProblem("tieBreak", "TIE_BREAK_INVALID"));
		}
		if (!problems.isEmpty()) {
			throw CiviquizException.invalidFields(problems);
		}
		return this;
	}

	private static void tiers(String field, List<Tier> tiers, List<FieldProblem> problems) {
		if (tiers.size() > MAX_TIERS) {
			problems.add(new FieldProblem(field, "PRIZE_TIERS_TOO_MANY", MAX_TIERS));
			return;
		}
		for (int i = 0; i < tiers.size(); i++) {
			Tier tier = tiers.get(i);
			String at = field + "[" + i + "]";
			if (tier == null || tier.name() == null || tier.name().isBlank() || tier.name().length() > 100
					|| tier.name().chars().anyMatch(Character::isISOControl)) {
				problems.add(new FieldProblem(at + ".name", "PRIZE_NAME_INVALID"));
			}
			if (tier != null && (tier.count() < 1 || tier.count() > MAX_COUNT)) {
				problems.add(new FieldProblem(at + ".count", "PRIZE_COUNT_INVALID", MAX_COUNT));
			}
		}
	}

	/**
	 * A prize and how many are given.
	 *
	 * @param name what the winners get, e.g. "Giải Nhất"
	 * @param count how many
	 */
	public record Tier(String name, int count) {

		public Tier {
			name = (name != null) ? name.strip() : null;
		}

	}

	/** Whether a person can win in more than one list of a contest. */
	public enum PrizesPerPerson {

		/**
		 * Only a person's highest prize in the contest: a list passes over anyone who
		 * already holds an equal or higher prize in another finalized list, and a higher
		 * prize here supersedes the lower one held (that list must be reopened to hand it
		 * on). A contest prize is higher than any round prize; within a list, the plan's
		 * order decides.
		 */
		HIGHEST_PER_CONTEST,

		/** One prize per list: a person can win in several rounds. */
		ONE_PER_LIST

	}

	/** Which lists carry the collective prizes. */
	public enum UnitPrizesPer {

		/** The whole contest's list only. */
		CONTEST,

		/** Every round's list. */
		ROUND

	}

}
