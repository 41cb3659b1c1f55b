package org.civiquiz.stats;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

	private final StatsService stats;

	private final StatsStream frames;

	StatsController(StatsService stats, StatsStream frames) {
		this.stats = stats;
		this.frames = frames;
	}

	@GetMapping("/api/admin/contests/{slug}/stats")
	Mono<ContestStats> stats(@PathVariable String slug, @RequestParam(required = false) Integer round,
			@RequestParam(defaultValue = "false") boolean exact) {
		return exact ? this.stats.exact(slug, round) : this.stats.live(slug, round);
	}

	/**
	 * The live figures as Server-Sent Events: {@code stats} at every change,
	 * {@code tables} when the tables changed (at most every
	 * {@code civiquiz.stats.stream-tables-every}), the latest of both first. The frames
	 * are made once for every viewer ({@link StatsStream}) and written as they are.
	 */
	@GetMapping(path = "/api/admin/contests/{slug}/stats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<Void> stream(@PathVariable String slug, @RequestParam(required = false) Integer round,
			ServerHttpResponse response) {
		return this.stats.scope(slug, round).flatMap((scope) -> {
			response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
			// no buffering by a proxy in front (nginx honours this)
			response.getHeaders().set("X-Accel-Buffering", "no");
			// wrapped, not copied: every viewer's buffer shares the one array
			return response.writeAndFlushWith(
					this.frames.frames(scope).map((frame) -> Mono.just(response.bufferFactory().wrap(frame))));
		});
	}

}
