package org.civiquiz.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json} with a stable
 * {@code code} member, a title and detail in the request's language (Vietnamese unless
 * the client asks for English) and, for input errors, the fields at fault. No stack trace
 * ever leaves the server.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsHandler.class);

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final Map<Integer, String> CODES = Map.of(400, "MALFORMED_REQUEST", 401, "UNAUTHORIZED", 403,
			"FORBIDDEN", 404, "NOT_FOUND", 405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE",
			415, "UNSUPPORTED_MEDIA_TYPE");

	private final MessageSource messages;

	ProblemDetailsHandler(MessageSource messages) {
		this.messages = messages;
		// load both bundles now: reading them lazily would block a request thread
		for (Locale locale : List.of(VIETNAMESE, Locale.ENGLISH)) {
			messages.getMessage("problem.INTERNAL_ERROR.title", null, locale);
		}
	}

	@ExceptionHandler(CiviquizException.class)
	Mono<ResponseEntity<ProblemDetail>> handleCiviquiz(CiviquizException ex, ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		ProblemDetail problem = problem(ex.getStatus(), ex.getCode(), locale, ex.getArgs());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		if (!ex.getFieldProblems().isEmpty()) {
			List<Map<String, String>> errors = ex.getFieldProblems()
				.stream()
				.map((field) -> Map.of("field", field.field(), "code", field.code(), "message",
						this.messages.getMessage("field." + field.code(), field.args(), field.code(), locale)))
				.toList();
			problem.setProperty("errors", errors);
		}
		return Mono.just(ResponseEntity.status(ex.getStatus()).body(problem));
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
		logger.error("Unexpected error on " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale(exchange));
		return Mono.just(ResponseEntity.internalServerError().body(problem));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		String code = (ex instanceof ServerWebInputException && status.value() == 400) ? "MALFORMED_REQUEST"
				: CODES.getOrDefault(status.value(), "HTTP_" + status.value());
		ProblemDetail problem = problem(status, code, locale(exchange));
		if (ex instanceof ServerWebInputException input && input.getReason() != null) {
			problem.setProperty("reason", input.getReason());
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
	}

	private ProblemDetail problem(HttpStatusCode status, String code, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(this.messages.getMessage("problem." + code + ".title", null, code, locale));
		problem.setDetail(this.messages.getMessage("problem." + code + ".detail", args, null, locale));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Vietnamese unless the client prefers English, the two languages the bundles have.
	 */
	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null && "en".equals(locale.getLanguage())) ? Locale.ENGLISH : VIETNAMESE;
	}

}
