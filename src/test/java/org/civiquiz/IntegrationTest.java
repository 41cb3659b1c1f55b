package org.civiquiz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * Boots the whole app on the embedded default: a real PostgreSQL and a real Redis, in a
 * fresh data directory under {@code target/}, on free ports, with the reference contest
 * seeded. Every integration test uses these same properties, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "civiquiz.embedded.data-dir=target/it-data", "civiquiz.embedded.fresh=true",
				"civiquiz.embedded.postgres-port=0", "civiquiz.embedded.redis-port=0", "civiquiz.contest.cache-ttl=0s",
				// a board read right after a submission shows it: the page cache is
				// tested on its own (LeaderboardReadsIntegrationTests)
				"civiquiz.leaderboard.page-cache-ttl=0s",
				// tests reconcile the leaderboards themselves, when they mean to
				"civiquiz.exam.reconcile-interval=1h", "CIVIQUIZ_ORGANIZER_PASSWORD=organizer-secret-1",
				"CIVIQUIZ_COMMITTEE_PASSWORD=committee-secret-1", "CIVIQUIZ_ADMIN_PASSWORD=admin-secret-123",
				// every test calls from 127.0.0.1, and the hostile-input suites send one
				// token or phone many times: the limits are tested on their own, with
				// their own settings (RateLimitIntegrationTests)
				"civiquiz.rate-limits.start-per-ip.capacity=1000000",
				"civiquiz.rate-limits.start-per-phone.capacity=1000000",
				"civiquiz.rate-limits.submit-per-token.capacity=1000000",
				"civiquiz.rate-limits.login-failures-per-ip.capacity=1000000",
				"civiquiz.rate-limits.phone-code-per-ip.capacity=1000000",
				"civiquiz.rate-limits.phone-code-per-phone.capacity=1000000",
				// the suites start many attempts at once: the waiting room is tested on
				// its own (WaitingRoomIntegrationTests)
				"civiquiz.waiting-room.admission-rate=1000000", "civiquiz.waiting-room.max-starts-in-flight=1000000",
				"civiquiz.waiting-room.max-requests-in-flight=1000000", "civiquiz.waiting-room.max-event-loop-lag=1h",
				"civiquiz.rate-limits.save-per-token.capacity=1000000",
				"civiquiz.rate-limits.certificate-per-ip.capacity=1000000",
				"civiquiz.rate-limits.verify-per-ip.capacity=1000000",
				// overdue attempts are finished within seconds (the browser journeys wait
				// for it); tests that race the sweeper call it themselves too
				"civiquiz.exam.overdue-sweep-interval=2s",
				// PostgresOutageIntegrationTests restarts the shared PostgreSQL: a
				// connection
				// the pool kept from before is checked as it is handed out and replaced,
				// so the suites that run after it do not meet it
				"spring.r2dbc.pool.validation-depth=remote", "spring.r2dbc.pool.acquire-retry=20" })
// a 2-core build machine busy with the whole suite has stalled a first answer past the
// default 5 s now and then
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(ThreadDumpOnTimeout.class)
public @interface IntegrationTest {

	String ORGANIZER_PASSWORD = "organizer-secret-1";

	String COMMITTEE_PASSWORD = "committee-secret-1";

	String ADMIN_PASSWORD = "admin-secret-123";

	String CONTEST = "luat-htx-2023";

}
