package org.civiquiz.load;

import io.gatling.javaapi.core.PopulationBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Entrants arriving at a steady rate ({@code load.workload=open}, the default:
 * {@code load.entrants} people at {@code load.arrivalRate} a second), or as many as
 * {@code load.concurrency} entrants at a time, each replaced when done, for
 * {@code load.durationSeconds} ({@code load.workload=closed}: the capacity run).
 */
public class EntrantJourneySimulation extends EntrantSimulation {

	{
		setUp(population()).protocols(Protocol.httpProtocol()).assertions(Bounds.of("start", "submit", "leaderboard"));
	}

	private static PopulationBuilder population() {
		if ("closed".equals(System.getProperty("load.workload"))) {
			return entrantJourney("entrant journey (closed)")
				.injectClosed(constantConcurrentUsers(LoadParameters.CONCURRENCY).during(LoadParameters.DURATION));
		}
		long seconds = Math.max(1, Math.round(LoadParameters.ENTRANTS / LoadParameters.ARRIVAL_RATE));
		return entrantJourney("entrant journey")
			.injectOpen(rampUsers(LoadParameters.ENTRANTS).during(seconds));
	}

}
