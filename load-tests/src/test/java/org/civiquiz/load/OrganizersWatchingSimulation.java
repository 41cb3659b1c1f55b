package org.civiquiz.load;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * An entrant run (as {@link EntrantJourneySimulation}'s open workload) while
 * {@code load.viewers} organizers keep the live dashboard open on the statistics stream
 * and {@code load.pollers} more poll the figures every {@code load.pollSeconds}. Each
 * logs in as the organizer page does (a session, with the CSRF token), at the campaign
 * day's pace ({@code load.organizers} within {@code load.organizersSignInSeconds}).
 */
public class OrganizersWatchingSimulation extends EntrantSimulation {

	/** When entrants stop arriving: viewers expect new figures until then. */
	private static volatile long arrivalsEnd;

	{
		long arrivalSeconds = Math.max(1, Math.round(LoadParameters.ENTRANTS / LoadParameters.ARRIVAL_RATE));
		// watch for as long as entrants arrive, and a little after
		Duration watch = Duration.ofSeconds(arrivalSeconds).plus(LoadParameters.THINK_TIME.multipliedBy(2));
		// organizers sign in as on a campaign day: 500 within a minute
		Duration rampViewers = LoadParameters.ORGANIZERS_SIGN_IN.multipliedBy(LoadParameters.VIEWERS)
			.dividedBy(Math.max(1, LoadParameters.ORGANIZERS));
		setUp(entrantJourney("entrant journey").injectOpen(rampUsers(LoadParameters.ENTRANTS).during(arrivalSeconds)),
				viewers().injectOpen(rampUsers(LoadParameters.VIEWERS).during(rampViewers)),
				pollers(watch).injectOpen(rampUsers(LoadParameters.POLLERS).during(rampViewers)))
			.protocols(Protocol.httpProtocol())
			.assertions(Bounds.of("start", "submit", "leaderboard", "stats"));
	}

	@Override
	public void before() {
		super.before();
		arrivalsEnd = System.currentTimeMillis()
				+ Math.round(1000 * LoadParameters.ENTRANTS / LoadParameters.ARRIVAL_RATE);
	}

	/** The figures within 10 s of connecting, then each change within 10 s while entrants arrive. */
	private static ScenarioBuilder viewers() {
		String stream = "/api/admin/contests/" + LoadParameters.CONTEST + "/stats/stream";
		return scenario("dashboard viewer").exec(Staff.login(LoadParameters.STAFF_USER, LoadParameters.STAFF_PASSWORD))
			.exec(sse("stats stream").get(stream)
				.header("Accept", "text/event-stream")
				.await(Duration.ofSeconds(10))
				.on(sse.checkMessage("first stats").matching(jsonPath("$.event").is("stats"))))
			.exec(asLongAs((session) -> System.currentTimeMillis() < arrivalsEnd)
				.on(exec(sse("stats update").setCheck()
					.await(Duration.ofSeconds(10))
					.on(sse.checkMessage("next stats").matching(jsonPath("$.event").is("stats"))))))
			.exec(sse("close").close());
	}

	private static ScenarioBuilder pollers(Duration watch) {
		return scenario("statistics poller").exec(Staff.login(LoadParameters.STAFF_USER, LoadParameters.STAFF_PASSWORD))
			.exec(during(watch).on(exec(http("stats").get("/api/admin/contests/" + LoadParameters.CONTEST + "/stats")
				.check(status().is(200), jsonPath("$.attemptsSubmitted").exists())).pause(LoadParameters.POLL_EVERY)));
	}

}
