package org.civiquiz.contest.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What the contest page shows, by contest id, kept per replica for
 * {@code civiquiz.contest.cache-ttl}: every visitor reads it, and it changes only when
 * organizers edit the contest (the contest service then forgets it).
 */
@Component
public class ContestPages {

	private final ContestRepository contests;

	private final RoundRepository rounds;

	private final UnitRepository units;

	private final ConsentTexts consentTexts;

	private final ContestRows rows;

	private final Duration cacheTtl;

	private final Map<Long, Mono<ContestPage>> pagesById = new ConcurrentHashMap<>();

	ContestPages(ContestRepository contests, RoundRepository rounds, UnitRepository units, ConsentTexts consentTexts,
			ContestRows rows, ContestProperties properties) {
		this.contests = contests;
		this.rounds = rounds;
		this.units = units;
		this.consentTexts = consentTexts;
		this.rows = rows;
		this.cacheTtl = properties.cacheTtl();
	}

	/**
	 * The contests the public list shows: every status but draft, newest first.
	 * @return the contests
	 */
	public Flux<Contest> listed() {
		return this.contests.findByStatusNotOrderByOpensAtDesc(ContestStatus.DRAFT);
	}

	/**
	 * The page of an existing contest; only ids of existing contests should be asked for,
	 * since each is kept.
	 * @param id the contest
	 * @return its page, empty if there is no such contest
	 */
	public Mono<ContestPage> page(long id) {
		return this.pagesById.computeIfAbsent(id,
				(key) -> this.contests.findById(key)
					.flatMap((contest) -> Mono
						.zip(this.rounds.findByContestIdOrderByNumber(key).collectList(),
								this.units.findByContestIdOrderByCode(key).collectList(),
								this.consentTexts.find(contest.consentTextId()))
						.map((tuple) -> new ContestPage(contest, this.rows.quotas(contest), tuple.getT1(),
								tuple.getT2(), tuple.getT3(), this.rows.certificate(contest))))
					// a failed read is not kept: the next request tries again
					.cache((page) -> this.cacheTtl, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	/**
	 * Forgets a contest's page, after a change.
	 * @param id the contest
	 */
	public void forget(long id) {
		this.pagesById.remove(id);
	}

	/**
	 * A contest with what its page shows besides.
	 *
	 * @param contest the contest
	 * @param quotas its chapter quotas
	 * @param rounds its rounds
	 * @param units its units
	 * @param consent its consent text
	 * @param certificate its certificate setting
	 */
	public record ContestPage(Contest contest, Map<Integer, Integer> quotas, List<Round> rounds, List<Unit> units,
			ConsentTexts.ConsentText consent, CertificateSetting certificate) {
	}

}
