package org.civiquiz.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the RFC 9457 problem details every error leaves as: a stable {@code code}, a
 * {@code type} derived from it, and a title and detail from the message bundles in the
 * request's language (Vietnamese unless the client prefers English).
 */
@Component
public class Problems {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	private final JsonMapper json;

	Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
		// load both bundles now: reading them lazily would block a request thread
		for (Locale locale : List.of(VIETNAMESE, Locale.ENGLISH)) {
			messages.getMessage("problem.INTERNAL_ERROR.title", null, locale);
		}
	}

	/**
	 * A problem for the given code, with {@code problem.<code>.title} and
	 * {@code problem.<code>.detail} from the bundles.
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param exchange the request
	 * @param args arguments of the detail message
	 * @return the problem
	 */
	public ProblemDetail create(HttpStatusCode status, String code, ServerWebExchange exchange, Object... args) {
		Locale locale = locale(exchange);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(this.messages.getMessage("problem." + code + ".title", null, code, locale));
		problem.setDetail(this.messages.getMessage("problem." + code + ".detail", args, null, locale));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Writes a problem as the whole response, for refusals made outside controllers (web
	 * filters, exception handlers).
	 * @param exchange the request
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param headers more response headers (e.g. {@code Retry-After})
	 * @param args arguments of the detail message
	 * @return completion of the response
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, HttpHeaders headers,
			Object... args) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().addAll(headers);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = create(status, code, exchange, args);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.writeValueAsBytes(problem))));
	}

	String message(String key, Object[] args, String fallback, ServerWebExchange exchange) {
		return this.messages.getMessage(key, args, fallback, locale(exchange));
	}

	/**
	 * Vietnamese unless the client prefers English, the two languages the bundles have.
	 */
	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null && "en".equals(locale.getLanguage())) ? Locale.ENGLISH : VIETNAMESE;
	}

}
