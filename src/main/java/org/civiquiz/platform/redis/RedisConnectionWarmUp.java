package org.civiquiz.platform.redis;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection whenever the connection factory starts (at start-up,
 * and again if the context is stopped and started), on the thread that starts it. Spring
 * Data Redis opens it lazily, and waits for it while doing so: left to the first request,
 * that wait would stall an event loop. Redis being down then is not an error: exams do
 * not need it, and Lettuce connects when it returns. On a Redis Cluster the ping goes to
 * every node, which opens the connection to each.
 */
@Component
class RedisConnectionWarmUp implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisConnectionWarmUp.class);

	private final LettuceConnectionFactory redis;

	private volatile boolean running;

	RedisConnectionWarmUp(LettuceConnectionFactory redis) {
		this.redis = redis;
	}

	/**
	 * Runs after the factory, which this bean depends on, has started.
	 */
	@Override
	public void start() {
		this.running = true;
		try {
			ReactiveRedisConnection connection = this.redis.getReactiveConnection();
			connection.ping().block();
		}
		catch (RuntimeException ex) {
			logger.warn("Redis is not reachable at start-up; live boards catch up when it is: " + ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.redis.getPhase();
	}

}
