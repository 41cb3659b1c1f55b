package org.civiquiz.waitingroom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;

/**
 * How long a task handed to the HTTP server's event loops waits before it runs: the
 * room's measure of a replica short of CPU. A late loop is late for everything, new
 * connections included, which wait in the kernel's accept queue where no count of
 * requests sees them. Every {@value #PROBE_MILLIS} ms a timer thread hands each loop a
 * probe (unless its last one is still waiting); {@link #recentMillis()} is the longest
 * wait of the last second or so, a probe still waiting included.
 */
@Component
class EventLoopLag implements SmartLifecycle {

	static final long PROBE_MILLIS = 100;

	private static final Log logger = LogFactory.getLog(EventLoopLag.class);

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ObjectProvider<ReactorResourceFactory> resources;

	/** The longest wait (ns) of this window and of the one before. */
	private final AtomicLong current = new AtomicLong();

	private final AtomicLong previous = new AtomicLong();

	private final AtomicLong windowStarted = new AtomicLong(System.nanoTime());

	/** Each loop's probe still waiting to run: when it was handed over (ns). */
	private final Map<EventExecutor, Long> waiting = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService timer;

	private volatile EventLoopGroup loops;

	EventLoopLag(MeterRegistry meters, ObjectProvider<ReactorResourceFactory> resources) {
		this.resources = resources;
		Gauge.builder("civiquiz.http.event.loop.lag", this, EventLoopLag::recentMillis)
			.description("The longest a task handed to the HTTP server's event loops waited, last second")
			.baseUnit("milliseconds")
			.register(meters);
	}

	/**
	 * @return the longest a task handed to the HTTP event loops waited lately, in ms
	 */
	long recentMillis() {
		long now = System.nanoTime();
		roll(now);
		long worst = Math.max(this.current.get(), this.previous.get());
		for (long handed : this.waiting.values()) {
			worst = Math.max(worst, now - handed);
		}
		return TimeUnit.NANOSECONDS.toMillis(worst);
	}

	private void roll(long now) {
		long started = this.windowStarted.get();
		if (now - started >= WINDOW_NANOS && this.windowStarted.compareAndSet(started, now)) {
			this.previous.set(this.current.getAndSet(0));
		}
	}

	private void probe(EventLoopGroup loops) {
		try {
			handOver(loops);
		}
		catch (RuntimeException ex) {
			// a timer task that throws is never run again
			logger.warn("Event loops not probed: " + ex, ex);
		}
	}

	private void handOver(EventLoopGroup loops) {
		for (EventExecutor loop : loops) {
			long handed = System.nanoTime();
			if (this.waiting.putIfAbsent(loop, handed) == null) {
				try {
					loop.execute(() -> {
						long now = System.nanoTime();
						roll(now);
						this.current.accumulateAndGet(now - handed, Math::max);
						this.waiting.remove(loop);
					});
				}
				catch (RejectedExecutionException ex) {
					// a loop shutting down: not a late one
					this.waiting.remove(loop);
				}
			}
		}
	}

	/**
	 * @return the loops probed, null before the start
	 */
	EventLoopGroup loops() {
		return this.loops;
	}

	/**
	 * The event loops the HTTP server runs on: the application's Reactor Netty resources
	 * (global ones in production, the context's own in tests).
	 */
	private static EventLoopGroup serverLoops(ObjectProvider<ReactorResourceFactory> resources) {
		ReactorResourceFactory factory = resources.getIfAvailable();
		LoopResources loops = (factory != null) ? factory.getLoopResources() : HttpResources.get();
		return loops.onServer(LoopResources.DEFAULT_NATIVE);
	}

	@Override
	public synchronized void start() {
		if (this.timer == null) {
			EventLoopGroup loops = serverLoops(this.resources);
			ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "event-loop-lag");
				thread.setDaemon(true);
				return thread;
			});
			timer.scheduleWithFixedDelay(() -> probe(loops), PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
			this.timer = timer;
			this.loops = loops;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
			this.waiting.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
