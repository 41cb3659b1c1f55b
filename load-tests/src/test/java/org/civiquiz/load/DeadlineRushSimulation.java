package org.civiquiz.load;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Assertion;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The last minutes before a round closes: arrivals climb from a tenth of
 * {@code load.peakRate} to the peak over {@code load.rampSeconds}, and hold there for
 * {@code load.holdSeconds}.
 * <p>
 * With {@code load.shape=burst} (run.sh {@code --burst}): arrivals at
 * {@code load.burstFactor} (3) × {@code load.capacity} (the measured capacity, 54
 * journeys a second) for {@code load.burstSeconds} (120), then at half the capacity for
 * {@code load.afterBurstSeconds} (120), by entrants who honour the waiting room, send an
 * {@code Idempotency-Key} and save their answers ({@link WaitingRoomChains}). Bounds: no
 * failed request (every start admitted or given a place: no time-out, no 5xx but the
 * room's own 503), the room's polls' p99 within {@code load.roomP99Ms} (50), submissions'
 * and saves' p99 within {@code load.admittedP99Ms} (500). The rest (the room's 503s and
 * the admitted starts apart, the order of admissions, the heap, the reconciliation) is
 * in the result file, which run.sh checks.
 */
public class DeadlineRushSimulation extends EntrantSimulation {

	{
		if (LoadParameters.BURST_SHAPE) {
			double capacity = LoadParameters.CAPACITY;
			setUp(scenario("deadline burst").feed(Feeders.people())
				.exec(WaitingRoomChains.journey())
				.injectOpen(constantUsersPerSec(capacity * LoadParameters.BURST_FACTOR).during(LoadParameters.BURST),
						constantUsersPerSec(capacity / 2).during(LoadParameters.AFTER_BURST)))
				.protocols(Protocol.httpProtocol())
				.assertions(burstBounds());
		}
		else {
			double peak = LoadParameters.PEAK_RATE;
			setUp(entrantJourney("deadline rush")
				.injectOpen(rampUsersPerSec(peak / 10).to(peak).during(LoadParameters.RAMP),
						constantUsersPerSec(peak).during(LoadParameters.HOLD)))
				.protocols(Protocol.httpProtocol())
				.assertions(Bounds.of("start", "submit", "leaderboard"));
		}
	}

	private static List<Assertion> burstBounds() {
		List<Assertion> bounds = new ArrayList<>();
		bounds.add(global().failedRequests().percent().lte(LoadParameters.MAX_FAILED_PERCENT));
		bounds.add(details("waiting room").responseTime().percentile(99.0).lte(LoadParameters.ROOM_P99_MS));
		bounds.add(details("submit").responseTime().percentile(99.0).lte(LoadParameters.ADMITTED_P99_MS));
		bounds.add(details("save").responseTime().percentile(99.0).lte(LoadParameters.ADMITTED_P99_MS));
		return bounds;
	}

}
