package org.civiquiz.stats;

import org.civiquiz.security.StaffScopes;
import org.civiquiz.security.StaffStreams;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The organizers' figures: live (Redis) by default, {@code exact=true} from PostgreSQL,
 * and a Server-Sent Events stream for dashboards. A unit-scoped account gets the figures
 * of its units' participants (from PostgreSQL, live or not).
 */
@RestController
class StatsController {

	private final StatsService stats;

	private final StatsStream frames;

	private final StaffStreams staff;

	private final StaffScopes scopes;

	StatsController(StatsService stats, StatsStream frames, StaffStreams staff, StaffScopes scopes) {
		this.stats = stats;
		this.frames = frames;
		this.staff = staff;
		this.scopes = scopes;
	}

	@GetMapping("/api/admin/contests/{slug}/stats")
	Mono<ContestStats> stats(@PathVariable String slug, @RequestParam(required = false) Integer round,
			@RequestParam(defaultValue = "false") boolean exact) {
		return this.scopes.units(slug).flatMap((units) -> this.stats.figures(slug, round, units, exact));
	}

	/**
	 * The live figures as Server-Sent Events: {@code stats} at every change,
	 * {@code tables} when the tables changed (at most every
	 * {@code civiquiz.stats.stream-tables-every}), the latest of both first. The frames
	 * are made once for every viewer of the same contest, round and units
	 * ({@link StatsStream}) and written as they are; the stream ends with the session
	 * that opened it ({@link StaffStreams}), so also when the account's scope changes.
	 */
	@GetMapping(path = "/api/admin/contests/{slug}/stats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<Void> stream(@PathVariable String slug, @RequestParam(required = false) Integer round,
			ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		return this.scopes.units(slug)
			.flatMap((units) -> this.stats.scope(slug, round, units))
			.flatMap((scope) -> this.staff.open(exchange, this.frames.frames(scope)))
			.flatMap((frames) -> {
				response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
				// no buffering by a proxy in front (nginx honours this)
				response.getHeaders().set("X-Accel-Buffering", "no");
				// wrapped, not copied: every viewer's buffer shares the one array
				return response
					.writeAndFlushWith(frames.map((frame) -> Mono.just(response.bufferFactory().wrap(frame))));
			});
	}

}
