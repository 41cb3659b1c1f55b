package org.civiquiz.platform;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.platform.web.RequestBodyLimitFilter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error of a controller leaves as {@code application/problem+json} (see
 * {@link Problems}); input errors list the fields at fault. No stack trace ever leaves
 * the server.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsHandler.class);

	private static final Map<Integer, String> CODES = Map.of(400, "MALFORMED_REQUEST", 401, "UNAUTHORIZED", 403,
			"FORBIDDEN", 404, "NOT_FOUND", 405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE",
			415, "UNSUPPORTED_MEDIA_TYPE");

	private final Problems problems;

	ProblemDetailsHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(CiviquizException.class)
	Mono<ResponseEntity<ProblemDetail>> handleCiviquiz(CiviquizException ex, ServerWebExchange exchange) {
		ProblemDetail problem = this.problems.create(ex.getStatus(), ex.getCode(), exchange, ex.getArgs());
		if (!ex.getFieldProblems().isEmpty()) {
			problem.setProperty("errors", errors(ex.getFieldProblems(), exchange));
		}
		ex.getProperties().forEach(problem::setProperty);
		return Mono.just(ResponseEntity.status(ex.getStatus()).headers(ex.getHeaders()).body(problem));
	}

	private List<Map<String, String>> errors(List<FieldProblem> fields, ServerWebExchange exchange) {
		return fields.stream()
			.map((field) -> Map.of("field", field.field(), "code", field.code(), "message",
					this.problems.message("field." + field.code(), field.args(), field.code(), exchange)))
			.toList();
	}

	/**
	 * A store that is down or slow (Redis during an outage, PostgreSQL restarting): the
	 * client may try again shortly.
	 */
	private Mono<ResponseEntity<ProblemDetail>> unavailable(Exception ex, ServerWebExchange exchange) {
		logger.warn("Unavailable on " + exchange.getRequest().getPath().value() + ": " + ex);
		ProblemDetail problem = this.problems.create(HttpStatus.SERVICE_UNAVAILABLE, "TEMPORARILY_UNAVAILABLE",
				exchange);
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem));
	}

	/**
	 * A header with bytes the firewall refuses (control characters, or bytes 0x80-0x9F in
	 * {@code X-Attempt-Token}, {@code X-Device-Id} or {@code User-Agent}), met when it is
	 * read: the client's fault, said in one short line, without the header's value.
	 */
	@ExceptionHandler(ServerExchangeRejectedException.class)
	Mono<ResponseEntity<ProblemDetail>> handleRejected(ServerExchangeRejectedException ex, ServerWebExchange exchange) {
		logger.info("Rejected a header on " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value());
		ProblemDetail problem = this.problems.create(HttpStatus.BAD_REQUEST, "HEADER_REJECTED", exchange);
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
		if (StoreUnavailable.causedBy(ex)) {
			return unavailable(ex, exchange);
		}
		logger.error("Unexpected error on " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		ProblemDetail problem = this.problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", exchange);
		return Mono.just(ResponseEntity.internalServerError().body(problem));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		String code = (ex instanceof ServerWebInputException && status.value() == 400) ? "MALFORMED_REQUEST"
				: CODES.getOrDefault(status.value(), "HTTP_" + status.value());
		ProblemDetail problem = (status.value() == 413)
				? this.problems.create(status, code, exchange,
						RequestBodyLimitFilter
							.describe(exchange.getAttributeOrDefault(RequestBodyLimitFilter.LIMIT_ATTRIBUTE, 0L)))
				: this.problems.create(status, code, exchange);
		InputErrors.Described input = (ex instanceof ServerWebInputException webInput && status.value() == 400)
				? InputErrors.describe(webInput) : null;
		if (input != null) {
			problem.setDetail(this.problems.message(input.detailKey(), input.detailArgs(), null, exchange));
			if (input.field() != null) {
				problem.setProperty("errors", errors(List.of(input.field()), exchange));
			}
		}
		else if (ex instanceof ServerWebInputException webInput && webInput.getReason() != null) {
			problem.setProperty("reason", webInput.getReason());
		}
		return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
	}

}
