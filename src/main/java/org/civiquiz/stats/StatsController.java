package org.civiquiz.stats;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizers' figures: live (Redis) by default, {@code exact=true} from PostgreSQL,
 * and a Server-Sent Events stream for dashboards.
 */
@RestController
class StatsController {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private final StatsService stats;

	StatsController(StatsService stats) {
		this.stats = stats;
	}

	@GetMapping("/api/admin/contests/{slug}/stats")
	Mono<ContestStats> stats(@PathVariable String slug, @RequestParam(required = false) Integer round,
			@RequestParam(defaultValue = "false") boolean exact) {
		return exact ? this.stats.exact(slug, round) : this.stats.live(slug, round);
	}

	@GetMapping(path = "/api/admin/contests/{slug}/stats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<ContestStats>> stream(@PathVariable String slug,
			@RequestParam(required = false) Integer round) {
		Flux<ServerSentEvent<ContestStats>> figures = this.stats.stream(slug, round)
			.map((stats) -> ServerSentEvent.builder(stats).event("stats").build());
		// a comment now and then keeps proxies from closing a quiet connection
		Flux<ServerSentEvent<ContestStats>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.<ContestStats>builder().comment("keep-alive").build());
		return Flux.merge(figures, keepAlive);
	}

}
