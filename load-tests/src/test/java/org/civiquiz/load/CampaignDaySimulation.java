package org.civiquiz.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A whole campaign day at once, for {@code load.campaignSeconds} (180 s): entrants
 * arriving at {@code load.arrivalRate} (open workload, as {@link EntrantJourneySimulation});
 * {@code load.organizers} (500) organizers signing in within a minute as the page does
 * and keeping the live stream open, each expecting its first {@code stats} event within
 * 3 s of connecting and the next within 5 s for as long as entrants arrive;
 * {@code load.pollers} organizers (run.sh: 50) polling the figures every 5 s;
 * {@code load.committee} (5) committee members downloading a finalized list as XLSX and
 * CSV every 10 s; {@code load.visitors} (50) people reading the public leaderboards every
 * 3 s. Bounds: no failed request, entrants' start and submit p99 within
 * {@code load.entrantP99Ms} (150); and, checked by run.sh from {@link Results}, the
 * sign-ins' p99 within {@code load.loginP99Ms} (1,000), each sign-in timed whole, its
 * waits after {@code LOGIN_BUSY} included ({@link Staff}).
 */
public class CampaignDaySimulation extends EntrantSimulation {

	/** When entrants stop arriving: watchers, pollers and readers stop then too. */
	private static volatile long endsAt;

	{
		long seconds = LoadParameters.CAMPAIGN.toSeconds();
		setUp(entrantJourney("entrant journey").injectOpen(constantUsersPerSec(LoadParameters.ARRIVAL_RATE).during(seconds)),
				organizers().injectOpen(rampUsers(LoadParameters.ORGANIZERS).during(LoadParameters.ORGANIZERS_SIGN_IN)),
				pollers().injectOpen(rampUsers(LoadParameters.POLLERS).during(LoadParameters.ORGANIZERS_SIGN_IN)),
				committee().injectOpen(rampUsers(LoadParameters.COMMITTEE).during(LoadParameters.DOWNLOAD_EVERY)),
				visitors().injectOpen(rampUsers(LoadParameters.VISITORS).during(LoadParameters.VISIT_EVERY)))
			.protocols(Protocol.httpProtocol())
			.assertions(bounds());
	}

	private static List<Assertion> bounds() {
		List<Assertion> bounds = new ArrayList<>(List.of(Bounds.of()));
		bounds.add(details("start").responseTime().percentile(99.0).lte(LoadParameters.ENTRANT_P99_MS));
		bounds.add(details("submit").responseTime().percentile(99.0).lte(LoadParameters.ENTRANT_P99_MS));
		return bounds;
	}

	@Override
	public void before() {
		super.before();
		endsAt = System.currentTimeMillis() + LoadParameters.CAMPAIGN.toMillis();
	}

	private static boolean campaignGoesOn() {
		return System.currentTimeMillis() < endsAt;
	}

	/** The dashboard: the figures first within 3 s, then each change within 5 s. */
	private static ScenarioBuilder organizers() {
		String stream = "/api/admin/contests/" + LoadParameters.CONTEST + "/stats/stream";
		return scenario("organizer dashboard")
			.exec(Staff.login(LoadParameters.STAFF_USER, LoadParameters.STAFF_PASSWORD))
			.exec(sse("stats stream").get(stream)
				.header("Accept", "text/event-stream")
				.await(Duration.ofSeconds(3))
				.on(sse.checkMessage("first stats").matching(jsonPath("$.event").is("stats"))))
			.exec(asLongAs((session) -> campaignGoesOn()).on(exec(sse("stats update").setCheck()
				.await(Duration.ofSeconds(5))
				.on(sse.checkMessage("next stats").matching(jsonPath("$.event").is("stats"))))))
			.exec(sse("close").close());
	}

	private static ScenarioBuilder pollers() {
		return scenario("statistics poller").exec(Staff.login(LoadParameters.STAFF_USER, LoadParameters.STAFF_PASSWORD))
			.exec(asLongAs((session) -> campaignGoesOn())
				.on(exec(http("stats").get("/api/admin/contests/" + LoadParameters.CONTEST + "/stats")
					.check(status().is(200), jsonPath("$.attemptsSubmitted").exists())).pause(LoadParameters.POLL_EVERY)));
	}

	/** The committee: the frozen list, as the workbook and as CSV. */
	private static ScenarioBuilder committee() {
		String winners = "/api/admin/contests/" + LoadParameters.FINALIZED_CONTEST + "/winners?format=";
		return scenario("committee member")
			.exec(Staff.login(LoadParameters.COMMITTEE_USER, LoadParameters.COMMITTEE_PASSWORD))
			.exec(asLongAs((session) -> campaignGoesOn()).on(exec(http("winners xlsx").get(winners + "xlsx")
				.check(status().is(200), headerRegex("Content-Type", "^application/vnd\\.openxmlformats").exists()))
				.exec(http("winners csv").get(winners + "csv")
					.check(status().is(200), headerRegex("Content-Type", "^text/csv").exists()))
				.pause(LoadParameters.DOWNLOAD_EVERY)));
	}

	/** Anyone: the running contest's board, and the closed one's. */
	private static ScenarioBuilder visitors() {
		return scenario("leaderboard visitor").exec(asLongAs((session) -> campaignGoesOn())
			.on(exec(http("public leaderboard").get("/api/contests/" + LoadParameters.CONTEST + "/leaderboard")
				.check(status().is(200)))
				.exec(http("closed leaderboard").get("/api/contests/" + LoadParameters.FINALIZED_CONTEST + "/leaderboard")
					.check(status().is(200)))
				.pause(LoadParameters.VISIT_EVERY)));
	}

}
