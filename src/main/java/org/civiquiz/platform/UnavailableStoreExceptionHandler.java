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
 * bare 500. A {@link CiviquizException} met there is written as it would be in a
 * controller.
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
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof CiviquizException refusal) {
			// a refusal met in a filter (a password check with every hashing thread busy)
			return this.problems.write(exchange, refusal.getStatus(), refusal.getCode(), refusal.getHeaders(),
					refusal.getArgs());
		}
		if (!StoreUnavailable.causedBy(ex)) {
			return Mono.error(ex);
		}
		logger.warn("Unavailable on " + exchange.getRequest().getPath().value() + ": " + ex);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE", headers);
	}

}
