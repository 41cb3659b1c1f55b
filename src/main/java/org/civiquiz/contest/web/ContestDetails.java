package org.civiquiz.contest.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.internal.Contest;
import org.civiquiz.contest.internal.ContestPages.ContestPage;
import org.civiquiz.contest.internal.ContestRows;

/**
 * What a citizen needs to decide to take part. {@code consentText} is what the
 * registration form asks them to agree to; {@code consentVersion} (its SHA-256) goes back
 * with the registration, so that the server records that very text.
 * {@code phoneVerification} tells the registration page whether to ask for a one-time
 * code sent to the phone. {@code reviewPolicy} tells the result page when the review and
 * the answer key will be there. {@code certificate} tells who gets a certificate, and
 * from whom. {@code ranked} is false for practice ("thi thử"): the page then shows no
 * leaderboard and no prizes; {@code maxAttemptsPerRound} 0 is no limit, and
 * {@code predictionQuestion} is null when none is asked.
 */
record ContestDetails(String slug, String title, String law, String description, String rules, ContestStatus status,
		Instant opensAt, Instant closesAt, int timeLimitSeconds, int questionsPerAttempt, int maxAttemptsPerRound,
		Map<Integer, Integer> chapterQuotas, String predictionQuestion, List<RoundView> rounds, Integer currentRound,
		List<UnitView> units, List<String> districts, String consentText, String consentVersion,
		PhoneVerification phoneVerification, Instant serverTime, ReviewPolicy reviewPolicy,
		CertificateSetting certificate, boolean ranked) {

	static ContestDetails of(ContestPage page, Instant now) {
		Contest contest = page.contest();
		List<Round> rounds = page.rounds();
		List<Unit> units = page.units();
		Map<Long, String> codes = units.stream().collect(Collectors.toMap(Unit::id, Unit::code));
		Integer current = (contest.status() == ContestStatus.OPEN)
				? rounds.stream().filter((round) -> round.isOpenAt(now)).map(Round::number).findFirst().orElse(null)
				: null;
		return new ContestDetails(contest.slug(), contest.title(), contest.law(), contest.description(),
				contest.rules(), contest.status(), contest.opensAt(), contest.closesAt(), contest.timeLimitSeconds(),
				contest.questionsPerAttempt(), contest.maxAttemptsPerRound(), page.quotas(),
				ContestRows.predictionQuestion(contest),
				rounds.stream()
					.map((round) -> new RoundView(round.number(), round.name(), round.opensAt(), round.closesAt(),
							Objects.equals(current, round.number())))
					.toList(),
				current,
				units.stream()
					.map((unit) -> new UnitView(unit.code(), unit.name(),
							(unit.parentId() != null) ? codes.get(unit.parentId()) : null))
					.toList(),
				Arrays.asList(contest.districts()), page.consent().body(), page.consent().sha256(),
				contest.phoneVerification(), now, contest.reviewPolicy(), page.certificate(), contest.ranked());
	}

	record RoundView(int number, String name, Instant opensAt, Instant closesAt, boolean current) {
	}

	record UnitView(String code, String name, String parentCode) {
	}

}
