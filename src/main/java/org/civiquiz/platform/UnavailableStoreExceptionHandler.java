package org.civiquiz.platform;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A store that is down, met outside a controller (a staff session read from Redis by the
 * security filters): the same 503 problem as {@link ProblemDetailsHandler} gives, not a
 * bare 500.
 */
@Component
@Order(-2)
class UnavailableStoreExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(UnavailableStoreExceptionHandler.class);

	private final Problems problems;

	UnavailableStoreExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!StoreUnavailable.causedBy(ex) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		logger.warn("Unavailable on " + exchange.getRequest().getPath().value() + ": " + ex);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE", headers);
	}

}
