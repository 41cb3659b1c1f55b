package org.civiquiz.security;

import org.civiquiz.platform.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests the security filters' firewall refuses before anything else sees them (an
 * encoded NUL, slash or backslash in the path, say) get the same problem+json as every
 * other malformed request, instead of an empty {@code 400}.
 */
@Component
class RejectedRequestHandler implements ServerExchangeRejectedHandler {

	private final Problems problems;

	RejectedRequestHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		return this.problems.write(exchange,
				this.problems.create(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", exchange));
	}

}
