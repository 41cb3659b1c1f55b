package org.civiquiz.award.web;

import org.civiquiz.award.results.PublicResults;
import org.civiquiz.award.results.ResultsService;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public results of a contest: its finalized winners lists, names masked.
 */
@RestController
class ResultsController {

	private final ResultsService results;

	ResultsController(ResultsService results) {
		this.results = results;
	}

	@GetMapping("/api/contests/{slug}/results")
	Mono<PublicResults> results(@PathVariable String slug) {
		return this.results.results(slug);
	}

}
