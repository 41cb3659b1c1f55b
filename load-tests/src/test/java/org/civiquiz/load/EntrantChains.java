package org.civiquiz.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The citizen's journey, as the contest page makes it: read the contest, register and
 * start, answer, submit, read one's rank and the leaderboard; some come back for a second
 * attempt. Runs on a person of {@link Feeders#people()}; answers from the
 * {@link QuestionBank}; counts what was accepted in {@link Results}.
 */
final class EntrantChains {

	private static final ObjectMapper json = new ObjectMapper();

	private EntrantChains() {
	}

	/** The whole journey of one entrant. */
	static ChainBuilder journey() {
		ChainBuilder results = LoadParameters.READ_RESULTS ? exec(rank(), leaderboard()) : exec((session) -> session);
		return exec(contestPage()).exitHereIfFailed()
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

	/** The contest page's data; reloaded as a person would if it failed (fault runs). */
	static ChainBuilder contestPage() {
		return exec(tryMax(LoadParameters.RETRIES + 1, "try").on(retryPause(),
				exec(http("contest").get("/api/contests/" + LoadParameters.CONTEST)
					.check(status().is(200), jsonPath("$.consentVersion").saveAs("consentVersion"),
							jsonPath("$.units[*].code").findRandom().saveAs("unitCode"),
							jsonPath("$.districts[*]").findRandom().saveAs("district")))));
	}

	/** Start, think, submit: one attempt, scoring the entrant's planned score. */
	private static ChainBuilder attempt(String scoreAttribute) {
		// one key per attempt, sent again with every retry: a start whose answer a
		// replica's death lost answers its attempt again (200) instead of 409
		HttpRequestActionBuilder start = client(http("start").post("/api/contests/" + LoadParameters.CONTEST + "/attempts"))
			.header("Idempotency-Key", "#{startKey}")
			.body(StringBody(EntrantChains::registration))
			.asJson()
			.check(status().in(200, 201), jsonPath("$.attemptId").saveAs("attemptId"),
					jsonPath("$.token").saveAs("token"), jsonPath("$.questions[*].id").ofLong().findAll().saveAs("questionIds"));
		HttpRequestActionBuilder submit = http("submit").post("/api/attempts/#{attemptId}/submission")
			.header("X-Attempt-Token", "#{token}")
			.body(StringBody("#{submission}"))
			.asJson()
			.check(status().is(200), jsonPath("$.score").ofInt().is((session) -> session.getInt(scoreAttribute)));
		int tries = LoadParameters.RETRIES + 1;
		Duration think = LoadParameters.THINK_TIME;
		return exec((session) -> session.set("startKey", UUID.randomUUID().toString()))
			.exec(tryMax(tries, "try").on(retryPause(), exec(start).exec((session) -> {
			Results.startAccepted();
			return session;
		}))).exitHereIfFailed()
			.exec(pause(think.dividedBy(2), think.multipliedBy(3).dividedBy(2)))
			.exec((session) -> session.set("submission", submission(session, session.getInt(scoreAttribute))))
			.exec(tryMax(tries, "try").on(retryPause(), exec(submit).exec((session) -> accepted(session, scoreAttribute))))
			.exitHereIfFailed();
	}

	/**
	 * A second and later try waits a second, as a page that retries would: a replica
	 * restarting or a store coming back takes seconds.
	 */
	static ChainBuilder retryPause() {
		return doIf((session) -> session.getInt("try") > 0).then(pause(Duration.ofSeconds(1)));
	}

	static ChainBuilder rank() {
		return exec(http("rank").get("/api/attempts/#{attemptId}/rank")
			.header("X-Attempt-Token", "#{token}")
			.check(status().is(200)));
	}

	static ChainBuilder leaderboard() {
		return exec(http("leaderboard").get("/api/contests/" + LoadParameters.CONTEST + "/leaderboard")
			.check(status().is(200)));
	}

	/** With the entrant's own address and browser id, as a browser behind the proxy. */
	static HttpRequestActionBuilder client(HttpRequestActionBuilder request) {
		HttpRequestActionBuilder withDevice = request.header("X-Device-Id", "#{device}");
		return LoadParameters.FORWARDED_FOR ? withDevice.header("X-Forwarded-For", "#{ip}") : withDevice;
	}

	static String registration(Session session) {
		Map<String, Object> body = new HashMap<>();
		body.put("fullName", session.getString("fullName"));
		body.put("phone", session.getString("phone"));
		body.put("unitCode", session.getString("unitCode"));
		body.put("district", session.getString("district"));
		body.put("birthYear", session.getInt("birthYear"));
		body.put("consent", true);
		body.put("consentVersion", session.getString("consentVersion"));
		return write(body);
	}

	/** Answers every question, exactly {@code score} of them right. */
	static String submission(Session session, int score) {
		List<Long> questionIds = session.getList("questionIds");
		return submission(session, score, questionIds.size());
	}

	/**
	 * The first {@code answered} answers of {@link #submission(Session, int)} (the same
	 * answers, in the same order), as the page saves them on the way.
	 */
	static String submission(Session session, int score, int answered) {
		List<Long> questionIds = session.getList("questionIds");
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < questionIds.size(); i++) {
			positions.add(i);
		}
		Random shuffle = new Random(session.userId() * 31 + score);
		Collections.shuffle(positions, shuffle);
		List<Map<String, Object>> answers = new ArrayList<>();
		for (int i = 0; i < Math.min(answered, questionIds.size()); i++) {
			long questionId = questionIds.get(positions.get(i));
			int right = QuestionBank.correctOption(questionId);
			int option = (i < score) ? right : (right % 4) + 1;
			answers.add(Map.of("questionId", questionId, "optionId", option));
		}
		return write(Map.of("answers", answers, "prediction", session.getLong("prediction")));
	}

	static Session accepted(Session session, String scoreAttribute) {
		Results.submissionAccepted(session.getString("attemptId"), session.getString("phone"),
				session.getInt(scoreAttribute));
		return session;
	}

	static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
