package org.civiquiz.award;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civiquiz.award.internal.AwardRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What other features may ask of the committee's decisions: who holds which prize in the
 * standing lists, and which attempts are excluded.
 */
@Service
public class AwardQueryService {

	private final AwardRepository repository;

	AwardQueryService(AwardRepository repository) {
		this.repository = repository;
	}

	/**
	 * The prizes a participant holds in the contest's standing (finalized, not reopened)
	 * lists: the whole contest's first, then by round.
	 * @param contestId the contest
	 * @param participantId the participant
	 * @return the prizes
	 */
	public Flux<HeldPrize> prizes(long contestId, long participantId) {
		return this.repository.prizesOf(contestId, participantId, FinalizationService.WHOLE_CONTEST);
	}

	/**
	 * Which of the attempts the committee excluded from the prizes.
	 * @param attempts the attempts
	 * @return those excluded
	 */
	public Mono<Set<UUID>> excluded(Collection<UUID> attempts) {
		if (attempts.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.repository.excludedAmong(attempts).collect(Collectors.toSet());
	}

}
