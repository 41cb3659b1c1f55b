package org.civiquiz.contest.web;

import java.time.Clock;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.internal.ContestPages;
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

	private final ContestPages pages;

	private final Clock clock;

	ContestController(ContestService contests, ContestPages pages, Clock clock) {
		this.contests = contests;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	Flux<ContestSummary> list() {
		return this.pages.listed().map(ContestSummary::of);
	}

	/**
	 * The contest page's data, kept per replica like the settings (for
	 * {@code civiquiz.contest.cache-ttl}); the server time and the current round are the
	 * request's own. Only slugs of existing contests are kept.
	 */
	@GetMapping("/{slug}")
	Mono<ContestDetails> details(@PathVariable String slug) {
		return this.contests.settings(slug)
			.filter((settings) -> settings.status() != ContestStatus.DRAFT)
			.flatMap((settings) -> this.pages.page(settings.id()))
			.filter((page) -> page.contest().status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.map((page) -> ContestDetails.of(page, this.clock.instant()));
	}

}
