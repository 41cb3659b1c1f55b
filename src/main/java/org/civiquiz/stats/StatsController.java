package org.civiquiz.stats;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizers' figures.
 */
@RestController
class StatsController {

	private final StatsService stats;

	StatsController(StatsService stats) {
		this.stats = stats;
	}

	@GetMapping("/api/admin/contests/{slug}/stats")
	Mono<ContestStats> stats(@PathVariable String slug, @RequestParam(required = false) Integer round) {
		return this.stats.exact(slug, round);
	}

}
