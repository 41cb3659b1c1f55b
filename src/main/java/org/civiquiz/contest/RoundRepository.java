package org.civiquiz.contest;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface RoundRepository extends ReactiveCrudRepository<Round, Long> {

	Flux<Round> findByContestIdOrderByNumber(long contestId);

}
