package org.civiquiz.contest;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contests")
class ContestController {

	private final ContestService contests;

	ContestController(ContestService contests) {
		this.contests = contests;
	}

	@GetMapping
	Flux<ContestSummary> list() {
		return this.contests.listPublic();
	}

	@GetMapping("/{slug}")
	Mono<ContestDetails> details(@PathVariable String slug) {
		return this.contests.details(slug);
	}

}
