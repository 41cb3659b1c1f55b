package org.civiquiz.stats;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.Unit;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live figures as Server-Sent Events frames, made once per replica and sent as the
 * same bytes to every viewer, so that the stream costs the same whatever the number of
 * viewers.
 * <p>
 * Per contest and round, one loop reads the figures' version from Redis each tick, and
 * the figures once per change. Each change makes one small {@code stats} frame (the
 * counters, the score figures and the histograms: about 1 KB) and, when the tables of
 * units, districts, questions, articles, chapters and the timeline have changed and the
 * last {@code tables} frame is older than {@code tables-every}, one {@code tables} frame
 * (with the ten hardest questions; the page reads the whole list from
 * {@code GET /stats}). A viewer gets the latest of both on connecting, then the frames as
 * they are made.
 * <p>
 * The figures of a unit-scoped account are its units' participants' ({@link StatsScope}):
 * one loop per contest, round and set of units, shared by every viewer of that scope. It
 * reads the same version from Redis each tick, and on a change computes the figures from
 * PostgreSQL ({@link ExactStats}, Redis counts per contest and round only), at most every
 * {@code stream-units-every}.
 * <p>
 * A viewer that cannot keep up (its connection stops taking bytes while
 * {@code stream-max-pending} frames wait for it) is dropped: its stream ends, the page
 * connects again and starts from the latest figures, and nobody else waits for it.
 */
@Component
class StatsStream implements SmartLifecycle {

	static final List<String> TABLES = List.of("units", "districts", "questions", "articles", "chapters", "timeline");

	private static final int HARDEST_QUESTIONS = 10;

	private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

	private final ContestService contests;

	private final LiveStats live;

	private final ExactStats exact;

	private final JsonMapper json;

	private final StatsProperties properties;

	private final Clock clock;

	private final Counter framesMade;

	private final Counter viewersDropped;

	private final Map<String, Flux<Update>> shared = new ConcurrentHashMap<>();

	/**
	 * Ends every stream open when the app stops, before the server waits for open
	 * requests; a new one each time (a test framework pauses and resumes contexts).
	 */
	private volatile Sinks.One<Boolean> stopping = Sinks.one();

	private volatile boolean running;

	StatsStream(ContestService contests, LiveStats live, ExactStats exact, JsonMapper json, StatsProperties properties,
			Clock clock, MeterRegistry meters) {
		this.contests = contests;
		this.live = live;
		this.exact = exact;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.framesMade = Counter.builder("civiquiz.stats.stream.frames")
			.description("Frames of the live statistics stream made (once for all viewers)")
			.register(meters);
		this.viewersDropped = Counter.builder("civiquiz.stats.stream.dropped")
			.description("Viewers of the live statistics stream dropped for not keeping up")
			.register(meters);
	}

	/**
	 * One viewer's frames, a comment now and then keeping proxies from closing a quiet
	 * connection.
	 * @param scope the contest, round and units, already checked
	 * @return the SSE frames, each a whole event
	 */
	Flux<byte[]> frames(StatsScope scope) {
		return frames(scope, this.properties.streamMaxPending());
	}

	Flux<byte[]> frames(StatsScope scope, int maxPending) {
		String slug = scope.contest().slug();
		Integer round = (scope.round() != null) ? scope.round().number() : null;
		List<String> units = scope.wholeContest() ? List.of()
				: scope.units().stream().map(Unit::code).sorted().toList();
		Flux<byte[]> figures = this.shared
			.computeIfAbsent(slug + "/" + round + (units.isEmpty() ? "" : "/" + String.join(",", units)),
					(key) -> share(slug, round, units))
			.index()
			.concatMapIterable((indexed) -> (indexed.getT1() == 0) ? indexed.getT2().all() : indexed.getT2().changed());
		Flux<byte[]> keepAlive = Flux.interval(this.properties.streamKeepAlive()).map((tick) -> KEEP_ALIVE);
		// a frame more than the viewer's connection can hold ends its stream at once (an
		// error would wait behind the frames it cannot take)
		Sinks.One<Boolean> behind = Sinks.one();
		return Flux.merge(figures, keepAlive).onBackpressureBuffer(maxPending, (frame) -> {
			if (behind.tryEmitValue(true).isSuccess()) {
				this.viewersDropped.increment();
			}
		}, BufferOverflowStrategy.DROP_LATEST)
			.takeUntilOther(behind.asMono())
			.takeUntilOther(Mono.defer(() -> this.stopping.asMono()));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends the open streams (their pages connect to another replica) before the web
	 * server's graceful shutdown, which would otherwise wait its whole timeout for them.
	 */
	@Override
	public void stop() {
		this.running = false;
		Sinks.One<Boolean> stopped = this.stopping;
		this.stopping = Sinks.one();
		stopped.tryEmitValue(true);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stopped before the web server's graceful shutdown (a lower phase)
		return Integer.MAX_VALUE;
	}

	private Flux<Update> share(String slug, Integer round, List<String> units) {
		// a loop of its own each time viewers come back after the last one left
		return Flux.defer(() -> {
			Broadcast broadcast = new Broadcast();
			return Flux.interval(Duration.ZERO, this.properties.streamTick(), Schedulers.boundedElastic())
				// a slow tick skips the ticks it overlaps instead of failing the stream
				.onBackpressureDrop()
				.concatMap((tick) -> broadcast.step(slug, round, units).onErrorResume((ex) -> Mono.empty()))
				// the fan-out to every viewer off the Redis client's threads
				.publishOn(Schedulers.parallel());
		}).replay(1).refCount(1, Duration.ofSeconds(10));
	}

	/** What changed: the frames a viewer who has the previous ones needs now. */
	private record Update(byte[] stats, byte[] tables, boolean statsChanged, boolean tablesChanged) {

		List<byte[]> all() {
			return List.of(this.stats, this.tables);
		}

		List<byte[]> changed() {
			List<byte[]> changed = new ArrayList<>(2);
			if (this.statsChanged) {
				changed.add(this.stats);
			}
			if (this.tablesChanged) {
				changed.add(this.tables);
			}
			return changed;
		}

	}

	/** One contest's and round's loop; its steps run one after another. */
	private final class Broadcast {

		private long version = -1;

		/** The latest figures as a JSON tree: both frames are cut from it. */
		private ObjectNode latest;

		private byte[] stats;

		private byte[] tables;

		private boolean tablesPending;

		private Instant tablesMadeAt = Instant.MIN;

		private Instant computedAt = Instant.MIN;

		Mono<Update> step(String slug, Integer round, List<String> units) {
			return StatsStream.this.live.version(slug).flatMap((current) -> {
				Instant now = StatsStream.this.clock.instant();
				if (current == this.version || (!units.isEmpty()
						&& now.isBefore(this.computedAt.plus(StatsStream.this.properties.streamUnitsEvery())))) {
					// a unit scope's change not computed yet stays pending: the version
					// is kept
					return Mono.justOrEmpty(update(false));
				}
				this.computedAt = now;
				// settings read again on each change (cached briefly): headcounts, rounds
				return StatsScope.resolve(StatsStream.this.contests, slug, round)
					.flatMap((scope) -> units.isEmpty() ? StatsStream.this.live.read(scope.contest(), scope.round())
							: StatsStream.this.exact.compute(scope.limitedTo(units)))
					.mapNotNull((figures) -> {
						this.version = current;
						this.latest = StatsStream.this.json.valueToTree(figures);
						this.tablesPending = true;
						return update(true);
					});
			});
		}

		private Update update(boolean figuresChanged) {
			if (figuresChanged) {
				ObjectNode summary = this.latest.deepCopy();
				summary.remove(TABLES);
				this.stats = frame("stats", summary);
			}
			boolean tablesChanged = false;
			Instant now = StatsStream.this.clock.instant();
			if (this.tablesPending && (this.tables == null
					|| !now.isBefore(this.tablesMadeAt.plus(StatsStream.this.properties.streamTablesEvery())))) {
				byte[] next = frame("tables", tables(this.latest));
				tablesChanged = this.tables == null || !Arrays.equals(next, this.tables);
				this.tables = next;
				this.tablesMadeAt = now;
				this.tablesPending = false;
			}
			return (figuresChanged || tablesChanged)
					? new Update(this.stats, this.tables, figuresChanged, tablesChanged) : null;
		}

		private ObjectNode tables(ObjectNode all) {
			ObjectNode tables = StatsStream.this.json.createObjectNode();
			for (String name : TABLES) {
				tables.set(name, all.get(name));
			}
			// the hardest questions, as the page shows them: those drawn at least once
			ArrayNode hardest = tables.putArray("questions");
			for (JsonNode question : all.get("questions")) {
				if (hardest.size() < HARDEST_QUESTIONS && question.get("drawn").asLong() > 0) {
					hardest.add(question);
				}
			}
			return tables;
		}

		private byte[] frame(String event, ObjectNode data) {
			StatsStream.this.framesMade.increment();
			byte[] json = StatsStream.this.json.writeValueAsBytes(data);
			byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
			byte[] frame = Arrays.copyOf(head, head.length + json.length + 2);
			System.arraycopy(json, 0, frame, head.length, json.length);
			frame[frame.length - 2] = '\n';
			frame[frame.length - 1] = '\n';
			return frame;
		}

	}

}
