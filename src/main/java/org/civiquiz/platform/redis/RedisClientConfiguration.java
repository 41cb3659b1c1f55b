package org.civiquiz.platform.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce's options for a Redis that may go away, applied to Spring Data Redis's client
 * (the app's reads and writes and the staff sessions) and copied by every other client
 * the app makes (the rate limiter's):
 * <ul>
 * <li>while disconnected, a command fails at once instead of waiting in an unbounded
 * buffer to be replayed on reconnection: a read answers 503 at once, and the reconnection
 * does not start with a replay of thousands of stale commands;</li>
 * <li>reconnection is tried again within {@code civiquiz.redis.reconnect-delay-max}
 * (Lettuce's default backs off to 30 s, so a Redis back after 20 s went unused for up to
 * half a minute);</li>
 * <li>every command has Lettuce's timeout ({@code spring.data.redis.timeout}); Spring
 * Boot turns that on for its own client;</li>
 * <li>a reply's signal is emitted on Lettuce's computation threads, not on the one I/O
 * thread that reads every reply of the shared connection: whatever a reply's subscriber
 * does next (a response's JSON encoding, the statistics stream's writes) no longer holds
 * up the replies behind it. A profile of 500 dashboards watching (docs/performance.md)
 * found that thread busy encoding the stream's JSON while rate limits, sessions and ranks
 * waited and timed out into 503s.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.publishOnScheduler(true);
	}

	@Bean
	ClientResourcesBuilderCustomizer quickReconnection(RedisOutageProperties properties) {
		return (resources) -> resources.reconnectDelay(
				Delay.exponential(Duration.ofMillis(50), properties.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS));
	}

}
