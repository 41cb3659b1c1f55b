package org.civiquiz.leaderboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.exam.ExamService;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LeaderboardController {

	private final ContestService contests;

	private final ExamService exams;

	private final LeaderboardService leaderboards;

	private final LeaderboardProperties properties;

	private final Clock clock;

	LeaderboardController(ContestService contests, ExamService exams, LeaderboardService leaderboards,
			LeaderboardProperties properties, Clock clock) {
		this.contests = contests;
		this.exams = exams;
		this.leaderboards = leaderboards;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A public board: a round's ({@code round}) or the whole contest's, over everyone or
	 * one unit or one district.
	 */
	@GetMapping("/api/contests/{slug}/leaderboard")
	Mono<LeaderboardPage> board(@PathVariable String slug, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String district,
			@RequestParam(defaultValue = "20") int limit) {
		return this.contests.settings(slug)
			.filter((contest) -> contest.status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> {
				if (!contest.ranked()) {
					return Mono.error(LeaderboardException.unranked(slug));
				}
				check(contest, round, unit, district);
				int capped = Math.max(1, Math.min(limit, this.properties.maxLimit()));
				return this.leaderboards.page(contest, round, blankToNull(unit), blankToNull(district), capped,
						hidesScores(contest, round));
			});
	}

	@GetMapping("/api/attempts/{attemptId}/rank")
	Mono<AttemptRank> rank(@PathVariable UUID attemptId,
			@RequestHeader(name = "X-Attempt-Token", required = false) String token) {
		return this.exams.submission(attemptId, token)
			.flatMap((submission) -> this.contests.settings(submission.contestId())
				.filter(ContestSettings::ranked)
				.switchIfEmpty(Mono.error(() -> LeaderboardException.unranked(submission.contestSlug())))
				.flatMap((contest) -> this.leaderboards.rank(submission)
					.map((rank) -> hidesScores(contest, null) ? rank.withoutRanks() : rank)));
	}

	/** A round's board while the round is open; the contest's while any round is. */
	private boolean hidesScores(ContestSettings contest, Integer round) {
		Instant now = this.clock.instant();
		if (contest.status() != ContestStatus.OPEN) {
			return false;
		}
		return (round != null) ? contest.roundNumbered(round).orElseThrow().isOpenAt(now)
				: contest.rounds().stream().anyMatch((r) -> r.isOpenAt(now));
	}

	private static void check(ContestSettings contest, Integer round, String unit, String district) {
		if (round != null && contest.roundNumbered(round).isEmpty()) {
			throw LeaderboardException.roundNotFound(round);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (blankToNull(unit) != null && contest.unit(unit).isEmpty()) {
			problems.add(new FieldProblem("unit", "UNIT_UNKNOWN"));
		}
		if (blankToNull(district) != null && !contest.districts().isEmpty()
				&& !contest.districts().contains(district)) {
			problems.add(new FieldProblem("district", "DISTRICT_UNKNOWN"));
		}
		if (blankToNull(unit) != null && blankToNull(district) != null) {
			problems.add(new FieldProblem("district", "LEADERBOARD_ONE_FILTER"));
		}
		if (!problems.isEmpty()) {
			throw CiviquizException.invalidFields(problems);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
