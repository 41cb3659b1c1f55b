package org.civiquiz.waitingroom;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The requests this replica is serving right now, of every kind but event streams (which
 * stay open for as long as a dashboard does): the room's measure of the replica's
 * saturation. Whatever the machine is short of (its cores, the database's connections,
 * Redis), requests then take longer and pile up here, and the room stops admitting new
 * entrants until they drain; the arrivals wait in the line instead of in this replica's
 * memory.
 */
@Component
class RequestsInFlight implements WebFilter, Ordered {

	private final AtomicInteger count = new AtomicInteger();

	RequestsInFlight(MeterRegistry meters) {
		Gauge.builder("civiquiz.http.requests.in.flight", this.count, AtomicInteger::get)
			.description("HTTP requests under way on this replica, event streams aside")
			.register(meters);
	}

	/**
	 * @return the requests under way, the caller's own included
	 */
	int current() {
		return this.count.get();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isStream(exchange)) {
			return chain.filter(exchange);
		}
		this.count.incrementAndGet();
		return chain.filter(exchange).doFinally((signal) -> this.count.decrementAndGet());
	}

	private static boolean isStream(ServerWebExchange exchange) {
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		return exchange.getRequest().getPath().value().endsWith("/stream")
				|| accepted.stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
	}

	@Override
	public int getOrder() {
		// counted before any other work on the request, security included
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
