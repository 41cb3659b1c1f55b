package org.civiquiz.contest.internal;

import org.civiquiz.contest.Round;
import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface RoundRepository extends ReactiveCrudRepository<Round, Long> {

	Flux<Round> findByContestIdOrderByNumber(long contestId);

}
