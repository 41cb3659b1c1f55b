package org.civiquiz.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * The last minutes before a round closes: arrivals climb from a tenth of
 * {@code load.peakRate} to the peak over {@code load.rampSeconds}, and hold there for
 * {@code load.holdSeconds}.
 */
public class DeadlineRushSimulation extends Simulation {

	{
		double peak = LoadParameters.PEAK_RATE;
		setUp(Entrants.journey("deadline rush")
			.injectOpen(rampUsersPerSec(peak / 10).to(peak).during(LoadParameters.RAMP),
					constantUsersPerSec(peak).during(LoadParameters.HOLD)))
			.protocols(Entrants.protocol())
			.assertions(Bounds.of("start", "submit", "leaderboard"));
	}

	@Override
	public void before() {
		Entrants.before();
	}

	@Override
	public void after() {
		Entrants.after(getClass().getSimpleName());
	}

}
