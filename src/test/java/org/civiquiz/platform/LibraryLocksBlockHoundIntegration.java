package org.civiquiz.platform;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Short locks inside libraries that BlockHound would report as blocking: Jackson builds
 * the deserializer of a type once, under a lock, and a second thread asking for one at
 * that moment waits for it; Lettuce, Spring Data Redis, Resilience4j and the JDK's timer
 * queue guard state changes the same way. No I/O happens there.
 */
public class LibraryLocksBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
		// Lettuce guards a connection's writers with a short lock; while it reconnects (a
		// test stops Redis) its event loop may wait there. Reported as an error, the wait
		// breaks the connection's handler and every later command times out.
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "lockWritersExclusive");
		// Spring Data Redis hands out its shared reactive connection under a short
		// lock: requests reaching Redis at once on two event loops (the committee's
		// page loads four lists together) wait there for each other. Reported as an
		// error, the wait failed a request with a 500 (BrowserJourneysIntegrationTests)
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"getOrCreateSharedReactiveConnection");
		// Resilience4j's breaker takes a short lock to move from open to half open; the
		// first calls after the wait race for it, some on event loops. Reported as an
		// error inside the lock's queue, the wait left the lock unusable and every later
		// call through the breaker hung (RedisOutageIntegrationTests under load)
		builder.allowBlockingCallsInside(
				"io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine$OpenState",
				"toHalfOpenState");
		// a timer cancelled leaves the JDK's scheduled queue under its short lock: a
		// stream's keep-alive and session checks are cancelled on the event loop that saw
		// its client go. Reported as an error inside the cancellation, it cut the cancel
		// short (StatsStreamIntegrationTests, twelve viewers closing at once)
		builder.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove");
		// springdoc builds the OpenAPI description under a lock, in the background at
		// start-up (springdoc.pre-loading-enabled): a request for it meanwhile waits for
		// that build (ApiDocsIntegrationTests ask right after their context started);
		// later
		// requests take the lock uncontended
		builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
	}

}
