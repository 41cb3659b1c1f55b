package org.civiquiz.contest.internal;

import org.civiquiz.contest.Unit;
import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface UnitRepository extends ReactiveCrudRepository<Unit, Long> {

	Flux<Unit> findByContestIdOrderByCode(long contestId);

}
