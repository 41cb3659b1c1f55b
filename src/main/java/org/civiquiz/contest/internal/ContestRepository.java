package org.civiquiz.contest.internal;

import org.civiquiz.contest.ContestStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface ContestRepository extends ReactiveCrudRepository<Contest, Long> {

	Mono<Contest> findBySlug(String slug);

	Flux<Contest> findByStatusNotOrderByOpensAtDesc(ContestStatus status);

	Flux<Contest> findAllByOrderByOpensAtDesc();

}
