package org.civiquiz.participant.verification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway on 127.0.0.1 for tests: it keeps every message posted to {@code /sms},
 * with its headers, and answers as it is told (200 by default, an error status, or late).
 * No test reaches the network.
 */
final class TestGateway implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

	private final AtomicReference<HttpResponseStatus> status = new AtomicReference<>(HttpResponseStatus.OK);

	private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

	private final AtomicInteger requests = new AtomicInteger();

	private final DisposableServer server;

	private TestGateway() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/sms", (request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						this.requests.incrementAndGet();
						this.received.add(new Received(
								Map.of("authorization", String.valueOf(request.requestHeaders().get("Authorization")),
										"x-api-key", String.valueOf(request.requestHeaders().get("X-Api-Key")),
										"content-type", String.valueOf(request.requestHeaders().get("Content-Type"))),
								body));
						return Mono.delay(this.delay.get())
							.then(response.status(this.status.get()).sendString(Mono.just("{}")).then());
					})))
			.bindNow();
	}

	static TestGateway start() {
		return new TestGateway();
	}

	/** The URL messages are posted to. */
	String url() {
		return "http://127.0.0.1:" + this.server.port() + "/sms";
	}

	void answer(HttpResponseStatus status) {
		this.status.set(status);
	}

	void answerAfter(Duration delay) {
		this.delay.set(delay);
	}

	/** Back to answering 200 at once. */
	void reset() {
		this.status.set(HttpResponseStatus.OK);
		this.delay.set(Duration.ZERO);
	}

	int requests() {
		return this.requests.get();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The latest message received. */
	Received last() {
		Received last = this.received.peekLast();
		if (last == null) {
			throw new AssertionError("the gateway received nothing");
		}
		return last;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A message posted to the gateway.
	 *
	 * @param headers the headers the tests look at (lower case)
	 * @param body the body as sent
	 */
	record Received(Map<String, String> headers, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
