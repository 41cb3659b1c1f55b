package org.civiquiz.contest;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface UnitRepository extends ReactiveCrudRepository<Unit, Long> {

	Flux<Unit> findByContestIdOrderByCode(long contestId);

}
