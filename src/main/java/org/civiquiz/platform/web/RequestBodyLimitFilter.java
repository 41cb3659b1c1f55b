package org.civiquiz.platform.web;

import org.civiquiz.platform.Problems;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over {@link RequestLimitsProperties}: a declared
 * {@code Content-Length} over the limit is answered {@code 413 PAYLOAD_TOO_LARGE} before
 * anything else looks at the request (the security filters included); a body streamed
 * without one fails as soon as it passes the limit, and the controller's error handling
 * answers the same. Runs first, so that no later filter buffers a body it should not.
 */
@Component
public class RequestBodyLimitFilter implements WebFilter, Ordered {

	/** The exchange attribute holding the limit that applies to the request, in bytes. */
	public static final String LIMIT_ATTRIBUTE = RequestBodyLimitFilter.class.getName() + ".limit";

	private final long maxBody;

	private final long maxLargeBody;

	private final List<PathPattern> largeBodyPaths;

	private final Problems problems;

	RequestBodyLimitFilter(RequestLimitsProperties properties, Problems problems) {
		this.maxBody = properties.maxBody().toBytes();
		this.maxLargeBody = properties.maxLargeBody().toBytes();
		this.largeBodyPaths = properties.largeBodyPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limit(request);
		exchange.getAttributes().put(LIMIT_ATTRIBUTE, limit);
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return refuse(exchange, limit);
		}
		if (declared >= 0) {
			// the server reads exactly the declared length
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new LimitedRequest(request, limit)).build());
	}

	private long limit(ServerHttpRequest request) {
		PathContainer path = request.getPath().pathWithinApplication();
		return this.largeBodyPaths.stream().anyMatch((pattern) -> pattern.matches(path)) ? this.maxLargeBody
				: this.maxBody;
	}

	private Mono<Void> refuse(ServerWebExchange exchange, long limit) {
		// the body is left unread: the connection cannot be reused
		exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		return this.problems.write(exchange,
				this.problems.create(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", exchange, describe(limit)));
	}

	/** The limit as people write it: {@code 64 KB}, {@code 5 MB}. */
	public static String describe(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " B";
	}

	/** A body streamed without a length: counted as it arrives. */
	private static final class LimitedRequest extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedRequest(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new DataBufferLimitException("Request body over " + this.limit + " bytes"));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
