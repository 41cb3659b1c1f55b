package org.civiquiz.award.results;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.award.AwardProperties;
import org.civiquiz.award.WinnersList;
import org.civiquiz.award.internal.AwardRepository;
import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.leaderboard.DisplayNames;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The public results: the standing winners lists, masked. Every visitor of a results page
 * reads the same answer, so it is kept per replica for
 * {@code civiquiz.award.results-cache-ttl}; this replica forgets it at once when one of
 * the contest's lists is finalized, reopened or redacted.
 */
@Service
public class ResultsService {

	private final ContestService contests;

	private final AwardRepository repository;

	private final Duration ttl;

	private final Map<Long, Mono<PublicResults>> cache = new ConcurrentHashMap<>();

	ResultsService(ContestService contests, AwardRepository repository, AwardProperties properties) {
		this.contests = contests;
		this.repository = repository;
		this.ttl = properties.resultsCacheTtl();
	}

	public Mono<PublicResults> results(String slug) {
		return this.contests.settings(slug)
			.filter((contest) -> contest.status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> this.cache.computeIfAbsent(contest.id(), (id) -> read(contest)
				// a failed read is not kept: the next request tries again
				.cache((results) -> this.ttl, (error) -> Duration.ZERO, () -> Duration.ZERO)));
	}

	public void forget(long contestId) {
		this.cache.remove(contestId);
	}

	private Mono<PublicResults> read(ContestSettings contest) {
		return this.repository.standingLists(contest.id())
			.concatMap((standing) -> this.repository.turnout(contest.id(), standing.roundId())
				.map((turnout) -> list(standing.list(), turnout)))
			.collectList()
			.map((lists) -> new PublicResults(contest.slug(), lists));
	}

	private static PublicResults.PublicList list(WinnersList list, AwardRepository.Turnout turnout) {
		return new PublicResults.PublicList(list.round(), list.roundName(), list.finalizedAt(), list.sha256(),
				list.actualPrediction(), turnout.participants(), turnout.attempts(),
				list.winners()
					.stream()
					.map((winner) -> new PublicResults.PublicWinner(winner.rank(), DisplayNames.mask(winner.fullName()),
							winner.unitName(), winner.district(), winner.prize()))
					.toList(),
				list.unitPrizes()
					.stream()
					.map((prize) -> new PublicResults.PublicUnitPrize(prize.rank(), prize.prize(), prize.criterion(),
							prize.unitName(), prize.participants(), prize.participationRate()))
					.toList());
	}

}
