package org.civiquiz.question;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface QuestionRepository extends ReactiveCrudRepository<Question, Long> {

	Flux<Question> findByBankOrderByCode(String bank);

}
