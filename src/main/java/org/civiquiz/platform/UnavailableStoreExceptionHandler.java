package org.civiquiz.platform;

import io.lettuce.core.RedisException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

	private final JsonMapper json;

	UnavailableStoreExceptionHandler(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (!unavailable(ex) || response.isCommitted()) {
			return Mono.error(ex);
		}
		logger.warn("Unavailable on " + exchange.getRequest().getPath().value() + ": " + ex);
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		ProblemDetail problem = this.problems.create(HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE",
				exchange);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.writeValueAsBytes(problem))));
	}

	private static boolean unavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RedisException || cause instanceof RedisSystemException) {
				return true;
			}
		}
		return false;
	}

}
