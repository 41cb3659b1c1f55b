package org.civiquiz.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * The same Gatling setup as the closed entrant journey (the same concurrency and
 * duration, a new connection pool per virtual user, as many requests per user as a
 * journey makes) against a trivial endpoint of the same app: the liveness probe, which
 * goes through the same server, filters and security chain and touches no store. The
 * ratio of a journey's request rate to this one says how much of the machine the
 * platform's own work takes.
 */
public class BaselineSimulation extends Simulation {

	/** Requests per journey without a second attempt: contest, start, submit, rank, leaderboard. */
	private static final int REQUESTS_PER_USER = 5;

	{
		setUp(scenario("baseline")
			.exec(repeat(REQUESTS_PER_USER)
				.on(http("liveness").get("/actuator/health/liveness").check(status().is(200))))
			.injectClosed(constantConcurrentUsers(LoadParameters.CONCURRENCY).during(LoadParameters.DURATION)))
			.protocols(Protocol.httpProtocol())
			.assertions(Bounds.of("liveness"));
	}

}
