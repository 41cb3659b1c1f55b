package org.civiquiz.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The citizen's journey as the pages make it in a burst (issue 15): the start carries an
 * {@code Idempotency-Key}, one per attempt, sent again with every retry; a start the
 * waiting room answers {@code 503 WAITING_ROOM} polls its ticket when the room says and
 * starts with it once admitted; the exam page saves the answers given so far at most
 * every {@code load.saveSeconds} ({@code PUT /api/attempts/{id}/answers}, 204), then
 * submits. Every answer of the room, every start that went through and every admission
 * is counted in {@link Results} for run.sh's bounds.
 */
final class WaitingRoomChains {

	private static final String TICKET = "ticket";

	private WaitingRoomChains() {
	}

	/** The whole journey of one entrant. */
	static ChainBuilder journey() {
		ChainBuilder results = LoadParameters.READ_RESULTS
				? exec(EntrantChains.rank(), EntrantChains.leaderboard()) : exec((session) -> session);
		return exec(EntrantChains.contestPage()).exitHereIfFailed()
			.exec(attempt("score"))
			.exitHereIfFailed()
			.exec(results)
			.doIf((session) -> session.getBoolean("second"))
			.then(exec(attempt("secondScore")).exitHereIfFailed().exec(results))
			.exitHereIfFailed()
			.exec((session) -> {
				Results.journeyCompleted();
				return session;
			});
	}

	/** Through the room, start, answer and save, submit. */
	private static ChainBuilder attempt(String scoreAttribute) {
		int tries = LoadParameters.RETRIES + 1;
		HttpRequestActionBuilder submit = http("submit").post("/api/attempts/#{attemptId}/submission")
			.header("X-Attempt-Token", "#{token}")
			.body(StringBody((session) -> EntrantChains.submission(session, session.getInt(scoreAttribute))))
			.asJson()
			.check(status().is(200), jsonPath("$.score").ofInt().is((session) -> session.getInt(scoreAttribute)),
					responseTimeInMillis().saveAs("rt"));
		return exec((session) -> session.set("startKey", UUID.randomUUID().toString())
			.set("admitted", false)
			.set("arrivedAt", System.currentTimeMillis())
			// a second attempt starts afresh
			.removeAll(TICKET, "attemptId", "token", "questionIds", "status")).exec(tryMax(tries, "try").on(EntrantChains.retryPause(), throughTheRoom()))
			.exitHereIfFailed()
			.exec(answerAndSave(scoreAttribute))
			.exec(tryMax(tries, "try").on(EntrantChains.retryPause(),
					exec(submit).exec((session) -> EntrantChains.accepted(session, scoreAttribute))))
			.exitHereIfFailed();
	}

	/**
	 * Sends the start (again, with the same key and the ticket once it has one) until it
	 * goes through, waiting in the line between.
	 */
	private static ChainBuilder throughTheRoom() {
		HttpRequestActionBuilder start = EntrantChains
			.client(http("start").post("/api/contests/" + LoadParameters.CONTEST + "/attempts"))
			.header("Idempotency-Key", "#{startKey}")
			.header("X-Waiting-Room-Ticket", (session) -> session.contains(TICKET) ? session.getString(TICKET) : "")
			.body(StringBody(EntrantChains::registration))
			.asJson()
			.check(status().in(200, 201, 503).saveAs("status"), responseTimeInMillis().saveAs("rt"),
					jsonPath("$.attemptId").optional().saveAs("attemptId"), jsonPath("$.token").optional().saveAs("token"),
					jsonPath("$.questions[*].id").ofLong().findAll().optional().saveAs("questionIds"),
					jsonPath("$.ticket").optional().saveAs("newTicket"),
					jsonPath("$.retryAfterMs").ofLong().optional().saveAs("retryAfterMs"))
			// a 503 that is not the room's own answer is a failure (retried by tryMax)
			.checkIf((response, session) -> response.status().code() == 503)
			.then(jsonPath("$.code").is("WAITING_ROOM"));
		HttpRequestActionBuilder poll = http("waiting room")
			.get("/api/contests/" + LoadParameters.CONTEST + "/waiting-room/#{ticket}")
			.check(status().is(200), jsonPath("$.admitted").ofBoolean().saveAs("admitted"),
					jsonPath("$.admittedUntil").optional().saveAs("admittedUntil"),
					jsonPath("$.retryAfterMs").ofLong().optional().saveAs("retryAfterMs"),
					responseTimeInMillis().saveAs("rt"));
		return asLongAs((session) -> !session.contains("attemptId") || session.getInt("status") == 503)
			.on(exec(start).exec(WaitingRoomChains::started)
				.doIf((session) -> session.getInt("status") == 503)
				.then(asLongAs((session) -> !session.getBoolean("admitted"))
					.on(pause((session) -> Duration.ofMillis(session.getLong("retryAfterMs")))
						.exec(poll)
						.exec((session) -> {
							Results.roomAnswer(session.getLong("rt"), false);
							if (session.getBoolean("admitted")) {
								// when the room admitted it (its head, in the line's order), not
								// when this page next asked: a page asks when told to
								Instant admittedAt = Instant.parse(session.getString("admittedUntil"))
									.minus(LoadParameters.ROOM_ADMITTED_FOR);
								Results.admitted(session.getLong("arrivedAt"),
										Math.min(admittedAt.toEpochMilli(), System.currentTimeMillis()));
							}
							return session;
						}))));
	}

	/** What a start's answer was: through (200 or 201), or a place in the line. */
	private static Session started(Session session) {
		long rt = session.getLong("rt");
		if (session.getInt("status") == 503) {
			boolean first = !session.contains(TICKET);
			Results.roomAnswer(rt, first);
			return session.set(TICKET, session.getString("newTicket")).set("admitted", false);
		}
		if (!session.getBoolean("admitted")) {
			// through at once: admitted as it arrived
			Results.admitted(session.getLong("arrivedAt"), System.currentTimeMillis());
		}
		Results.admittedStart(rt);
		Results.startAccepted();
		return session.set("admitted", true);
	}

	/**
	 * The think time, cut into spells of at most {@code load.saveSeconds}, each followed
	 * by a save of the answers given so far, as the exam page's debounced saving does.
	 */
	private static ChainBuilder answerAndSave(String scoreAttribute) {
		HttpRequestActionBuilder save = http("save").put("/api/attempts/#{attemptId}/answers")
			.header("X-Attempt-Token", "#{token}")
			.body(StringBody((session) -> {
				List<Long> questions = session.getList("questionIds");
				int answered = questions.size() * (session.getInt("saveIndex") + 1) / (session.getInt("saves") + 1);
				return EntrantChains.submission(session, session.getInt(scoreAttribute), answered);
			}))
			.asJson()
			.check(status().is(204));
		int tries = LoadParameters.RETRIES + 1;
		return exec((session) -> {
			Duration think = LoadParameters.THINK_TIME;
			long millis = ThreadLocalRandom.current().nextLong(think.toMillis() / 2, think.toMillis() * 3 / 2 + 1);
			int saves = (int) Math.max(1, millis / Math.max(1, LoadParameters.SAVE_EVERY.toMillis()));
			return session.set("saves", saves).set("spell", millis / (saves + 1));
		}).exec(repeat((session) -> session.getInt("saves"), "saveIndex")
			.on(pause((session) -> Duration.ofMillis(session.getLong("spell")))
				.exec(tryMax(tries, "try").on(EntrantChains.retryPause(), exec(save)))))
			.exec(pause((session) -> Duration.ofMillis(session.getLong("spell"))));
	}

}
