package org.civiquiz.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
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

	Problems(MessageSource messages) {
		this.messages = messages;
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
