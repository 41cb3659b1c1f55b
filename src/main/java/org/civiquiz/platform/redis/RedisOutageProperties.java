package org.civiquiz.platform.redis;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the app lives through a Redis outage: how long any request waits for Redis, how
 * long the circuit breaker stays open before it lets a probe through, and how soon
 * Lettuce tries again to reconnect.
 *
 * @param deadline the longest a request waits for Redis, whatever the command (Lettuce's
 * own command timeout, {@code spring.data.redis.timeout}, plus a margin for the queues
 * before it); then it is answered 503, or goes on without Redis where Redis is optional
 * @param openFor how long the breaker, once open, refuses Redis calls at once before the
 * next call goes through as a probe
 * @param reconnectDelayMax the longest pause between two reconnection tries (they start
 * at 50 ms and double up to this), so that a returned Redis is used again within about
 * this
 */
@Validated
@ConfigurationProperties("civiquiz.redis")
public record RedisOutageProperties(@DefaultValue("750ms") @NotNull Duration deadline,
		@DefaultValue("1s") @NotNull Duration openFor, @DefaultValue("1s") @NotNull Duration reconnectDelayMax) {

}
