package org.civiquiz.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
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

	private static final int MAX_QUOTED = 100;

	private static final int MAX_INSTANCE = 200;

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
		problem.setDetail(this.messages.getMessage("problem." + code + ".detail", shortened(args), null, locale));
		problem.setInstance(instance(exchange));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Writes a problem made from a code as the whole response, for refusals made outside
	 * controllers (web filters, exception handlers).
	 * @param exchange the request
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param headers more response headers (e.g. {@code Retry-After})
	 * @param args arguments of the detail message
	 * @return completion of the response
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, HttpHeaders headers,
			Object... args) {
		exchange.getResponse().getHeaders().addAll(headers);
		return write(exchange, create(status, code, exchange, args));
	}

	/**
	 * Answers with the problem: for refusals outside the controllers (web filters), which
	 * the controllers' error handling never sees.
	 * @param exchange the request
	 * @param problem the problem
	 * @return completion of the response
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * The arguments, the text ones cut short: a message quotes what the client sent (a
	 * contest's name), which may be anything.
	 */
	private static Object[] shortened(Object[] args) {
		if (args == null) {
			return null;
		}
		Object[] shortened = args.clone();
		for (int i = 0; i < shortened.length; i++) {
			if (shortened[i] instanceof String text && text.length() > MAX_QUOTED) {
				shortened[i] = text.substring(0, MAX_QUOTED) + "…";
			}
		}
		return shortened;
	}

	/**
	 * The request's path, no longer than a reader needs. (The server refuses a request
	 * whose path is no URI before it gets here.)
	 */
	private static URI instance(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.length() > MAX_INSTANCE) {
			// cut short, without half a percent-encoding at the end
			path = path.substring(0, MAX_INSTANCE).replaceFirst("%[0-9A-Fa-f]?$", "");
		}
		return URI.create(path);
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
