package org.civiquiz.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;


/**
 * The last minutes before a round closes: arrivals climb from a tenth of
 * {@code load.peakRate} to the peak over {@code load.rampSeconds}, and hold there for
 * {@code load.holdSeconds}.
 */
public class DeadlineRushSimulation extends EntrantSimulation {

	{
		double peak = LoadParameters.PEAK_RATE;
		setUp(entrantJourney("deadline rush")
			.injectOpen(rampUsersPerSec(peak / 10).to(peak).during(LoadParameters.RAMP),
					constantUsersPerSec(peak).during(LoadParameters.HOLD)))
			.protocols(Protocol.httpProtocol())
			.assertions(Bounds.of("start", "submit", "leaderboard"));
	}

}
