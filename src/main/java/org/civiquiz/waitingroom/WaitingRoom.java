package org.civiquiz.waitingroom;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.LuaScript;
import org.civiquiz.platform.RedisGuard;
import org.civiquiz.platform.RedisKeys;
import org.civiquiz.platform.StoreUnavailable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * The line in front of a contest's starts, kept in Redis under the contest's hash tag so
 * that every replica sees one order, each call one Lua script
 * ({@code redis/waiting-room.lua}). A start passes when its ticket is admitted: at once
 * while the line is empty and the admission allowance ({@code admission-rate} per
 * replica, {@code burst} seconds of it at most) has room, otherwise in its turn. A
 * replica with {@code max-starts-in-flight} starts, or more than
 * {@code max-requests-in-flight} requests of any kind, under way, or whose event loops
 * are later than {@code max-event-loop-lag}, admits nobody: the work waits in the line,
 * not in this replica's memory. If Redis does not answer, the room is open (exams go on
 * without Redis, as they always did), counted in {@value #UNCHECKED}.
 */
@Service
public class WaitingRoom {

	/** Starts let through without asking Redis, because it did not answer. */
	public static final String UNCHECKED = "civiquiz.waiting.room.unchecked";

	/** What a client may send back as its ticket; anything else is no ticket. */
	static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{1,80}");

	private static final Log logger = LogFactory.getLog(WaitingRoom.class);

	private static final LuaScript ARRIVE = LuaScript.of("redis/waiting-room.lua");

	private static final LuaScript LINE = LuaScript.of("redis/waiting-room-line.lua");

	private final ReactiveStringRedisTemplate redis;

	private final RedisGuard guard;

	private final WaitingRoomProperties properties;

	private final Clock clock;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final RequestsInFlight requests;

	private final EventLoopLag lag;

	private final Counter unchecked;

	/**
	 * Seeded once, when the room is made: a request thread never waits for the OS's
	 * entropy (as {@code AttemptCredentials} does).
	 */
	private final SecureRandom random;

	/** This replica, as the room counts the replicas admitting. */
	private final String replica;

	WaitingRoom(ReactiveStringRedisTemplate redis, RedisGuard guard, WaitingRoomProperties properties, Clock clock,
			MeterRegistry meters, RequestsInFlight requests, EventLoopLag lag) {
		this.redis = redis;
		this.requests = requests;
		this.lag = lag;
		this.guard = guard;
		this.properties = properties;
		this.clock = clock;
		this.unchecked = meters.counter(UNCHECKED);
		Gauge.builder("civiquiz.waiting.room.starts.in.flight", this.inFlight, AtomicInteger::get)
			.description("Starts admitted by the waiting room and still under way on this replica")
			.register(meters);
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.replica = newTicket();
	}

	/**
	 * Lets a start through, or gives it a place in the line.
	 * @param contest the contest's slug (one that exists)
	 * @param ticket the ticket the client was given ({@code X-Waiting-Room-Ticket}), or
	 * null; one that is not a ticket counts as none
	 * @param idempotencyKey the start's key, or null: a start sent again with its key
	 * keeps its place and its admission even when its client lost the ticket
	 * @return a pass, to be released when the start is done; or an error
	 * {@code WAITING_ROOM} (503) with the place
	 */
	public Mono<Pass> enter(String contest, String ticket, String idempotencyKey) {
		if (!this.properties.enabled()) {
			return Mono.just(pass());
		}
		boolean known = ticket != null && TICKET.matcher(ticket).matches();
		String id = known ? ticket : (idempotencyKey != null) ? "k-" + idempotencyKey : newTicket();
		return arrive(contest, id, known || idempotencyKey != null)
			.flatMap((place) -> place.admitted() ? Mono.just(pass()) : Mono.error(WaitingRoomException.waiting(place)));
	}

	/**
	 * The ticket asks for its place: it may be admitted now. A ticket the room does not
	 * know (dropped after its page stopped asking) joins the line at its end.
	 * @param contest the contest's slug (one that exists)
	 * @param ticket the ticket
	 * @return its place, or its admission
	 */
	public Mono<Place> poll(String contest, String ticket) {
		if (ticket == null || !TICKET.matcher(ticket).matches()) {
			return Mono.error(WaitingRoomException.ticketInvalid());
		}
		if (!this.properties.enabled()) {
			return Mono.just(open(ticket));
		}
		return arrive(contest, ticket, true);
	}

	/**
	 * The line as the organizers see it.
	 * @param contest the contest's slug
	 * @return the people waiting and the rate they are admitted at
	 */
	public Mono<Line> line(String contest) {
		RedisKeys.ContestKeys keys = keys(contest);
		long now = this.clock.millis();
		return eval(LINE, 3, keys.key("due"), keys.key("admitted"), keys.key("replicas"), Long.toString(now),
				Long.toString(this.properties.replicaPresence().toMillis()))
			.map((reply) -> {
				List<?> values = (List<?>) reply;
				long waiting = number(values, 0);
				long replicas = Math.max(1, number(values, 2));
				double rate = this.properties.rate(contest) * replicas;
				return new Line(this.properties.enabled(), waiting, (long) Math.ceil(waiting / rate), number(values, 1),
						rate, (int) replicas);
			});
	}

	private Mono<Place> arrive(String contest, String ticket, boolean remember) {
		RedisKeys.ContestKeys keys = keys(contest);
		long now = this.clock.millis();
		boolean saturated = saturated();
		WaitingRoomProperties p = this.properties;
		return eval(ARRIVE, 5, keys.key("line"), keys.key("due"), keys.key("admitted"), keys.key("state"),
				keys.key("replicas"), ticket, Long.toString(now), Double.toString(p.rate(contest)),
				Double.toString(p.burst().toMillis() / 1000.0), Long.toString(p.admittedFor().toMillis()),
				Long.toString(p.dropAfter().toMillis()), saturated ? "1" : "0", this.replica,
				Long.toString(p.replicaPresence().toMillis()), Long.toString(p.idleExpiry().toMillis()),
				Long.toString(p.pollMin().toMillis()), Long.toString(p.pollMax().toMillis()), remember ? "1" : "0",
				Double.toString(p.pollRate()))
			.map((reply) -> place(ticket, (List<?>) reply))
			.onErrorResume(StoreUnavailable::causedBy, (ex) -> {
				this.unchecked.increment();
				if (logger.isDebugEnabled()) {
					logger.debug("Waiting room open: Redis did not answer: " + ex);
				}
				return Mono.just(open(ticket));
			});
	}

	/**
	 * Whether this replica is short of what it serves with: too many starts or requests
	 * under way, or its event loops late.
	 */
	private boolean saturated() {
		return this.inFlight.get() >= this.properties.maxStartsInFlight()
				|| this.requests.current() - 1 > this.properties.maxRequestsInFlight()
				|| this.lag.recentMillis() > this.properties.maxEventLoopLag().toMillis();
	}

	private static Place place(String ticket, List<?> values) {
		if (number(values, 0) == 1) {
			return new Place(ticket, true, Instant.ofEpochMilli(number(values, 1)), null, null, null);
		}
		long wait = number(values, 2);
		return new Place(ticket, false, null, number(values, 1), (wait + 999) / 1000, number(values, 3));
	}

	private Place open(String ticket) {
		return new Place(ticket, true, this.clock.instant().plus(this.properties.admittedFor()), null, null, null);
	}

	private Pass pass() {
		this.inFlight.incrementAndGet();
		return new Pass(this.inFlight);
	}

	private Mono<Object> eval(LuaScript script, int keyCount, String... keysAndArgs) {
		return this.guard.mono(script.eval(this.redis, ReturnType.MULTI, keyCount, keysAndArgs));
	}

	private static RedisKeys.ContestKeys keys(String contest) {
		return RedisKeys.ofContest(contest, "room");
	}

	private String newTicket() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static long number(List<?> values, int index) {
		return ((Number) values.get(index)).longValue();
	}

	/**
	 * A start let through; released when it is done (it counts towards the replica's
	 * starts in flight until then). Releasing twice counts once.
	 */
	public static final class Pass {

		private final AtomicInteger inFlight;

		private final AtomicBoolean released = new AtomicBoolean();

		private Pass(AtomicInteger inFlight) {
			this.inFlight = inFlight;
		}

		public void release() {
			if (this.released.compareAndSet(false, true)) {
				this.inFlight.decrementAndGet();
			}
		}

	}

	/**
	 * A ticket's place.
	 *
	 * @param ticket the ticket, to send back
	 * @param admitted whether it may start now
	 * @param admittedUntil until when its admission holds (admitted only)
	 * @param position its place in the line, 1 next (waiting only)
	 * @param estimatedWaitSeconds the wait its place means at the admission rate (waiting
	 * only)
	 * @param retryAfterMs when to ask again (waiting only)
	 */
	public record Place(String ticket, boolean admitted, Instant admittedUntil, Long position,
			Long estimatedWaitSeconds, Long retryAfterMs) {
	}

	/**
	 * The line of a contest.
	 *
	 * @param enabled whether the room is on at all
	 * @param waiting people waiting (who asked for their place in time)
	 * @param estimatedWaitSeconds the wait of the last of them at the admission rate
	 * @param admitted admissions that still hold
	 * @param admissionRate admissions per second, all replicas together
	 * @param replicas the replicas admitting
	 */
	public record Line(boolean enabled, long waiting, long estimatedWaitSeconds, long admitted, double admissionRate,
			int replicas) {
	}

}
