package org.civiquiz.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The citizen's journey, as the contest page makes it: read the contest, register and
 * start, answer, submit, read one's rank and the leaderboard; some come back for a second
 * attempt. Answers are chosen from the question bank (read once, with a staff account) so
 * that the scores follow the reference campaign: 15.9 % of attempts at 20/20, 53.27 % at
 * 15/20 or more.
 */
final class Entrants {

	/** Share of attempts at 20/20 in the reference campaign. */
	private static final double PERFECT = 0.159;

	/** Share of attempts at 15/20 or more. */
	private static final double AT_LEAST_15 = 0.5327;

	/** Of the attempts at 15..19, most are near the top (as in the app's replay). */
	private static final double[] HIGH = { 0.10, 0.13, 0.20, 0.26, 0.31 };

	/** Of the attempts at 0..14, most are in the low teens. */
	private static final double[] LOW = { 0.002, 0.003, 0.005, 0.01, 0.015, 0.025, 0.035, 0.05, 0.07, 0.09, 0.11, 0.13,
			0.14, 0.15, 0.16 };

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
			"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Thanh", "Quang",
			"Hồng", "Xuân", "Kim" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
			"Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm",
			"Thảo", "Trang", "Tuấn", "Vy", "Yến" };

	private static final double[] SCORE_SHARES = scoreShares();

	/** Correct option of each question of the contest's bank, read in {@link #before}. */
	private static final Map<Long, Integer> correct = new ConcurrentHashMap<>();

	/** Accepted submissions: attempt id → score. A retried submission counts once. */
	private static final Map<String, Integer> accepted = new ConcurrentHashMap<>();

	/** People (phones) with an accepted submission. */
	private static final Map<String, Boolean> peopleAccepted = new ConcurrentHashMap<>();

	private static final AtomicLong startsAccepted = new AtomicLong();

	private static final AtomicLong journeysCompleted = new AtomicLong();

	private static final AtomicLongArray scores = new AtomicLongArray(21);

	private static final AtomicInteger nextEntrant = new AtomicInteger();

	private static final Random random = new Random(LoadParameters.SEED);

	/**
	 * First phone number of this run: runs against the same database must not meet each
	 * other's people (3 attempts per round each).
	 */
	private static final long phoneBase = 10_000_000L + Math.floorMod(LoadParameters.SEED, 80_000_000L);

	private static final ObjectMapper json = new ObjectMapper();

	private Entrants() {
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(LoadParameters.BASE_URL)
			.acceptHeader("application/json")
			.acceptLanguageHeader("vi")
			.acceptEncodingHeader("gzip")
			.userAgentHeader("civiquiz-load-tests (Gatling)");
	}

	/**
	 * Each entrant a new person: a name, a phone of its own, an address, a browser id, the
	 * score its answers will get, a prediction, and whether it comes back.
	 */
	static Iterator<Map<String, Object>> people() {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				int n = nextEntrant.getAndIncrement();
				Map<String, Object> person = new HashMap<>();
				synchronized (random) {
					person.put("fullName", FAMILY[random.nextInt(FAMILY.length)] + " "
							+ MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)]);
					person.put("birthYear", 1950 + random.nextInt(56));
					person.put("ip", "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "."
							+ (1 + random.nextInt(254)));
					person.put("device", "load-" + Long.toHexString(random.nextLong()));
					person.put("score", score(random.nextDouble()));
					person.put("secondScore", score(random.nextDouble()));
					person.put("second", random.nextDouble() < LoadParameters.SECOND_ATTEMPT_SHARE);
					person.put("prediction", Math.max(0, Math.round(5000 + random.nextGaussian() * 1500)));
				}
				person.put("phone", "09" + String.format("%08d", (phoneBase + n) % 100_000_000L));
				return person;
			}
		};
	}

	/** The whole journey of one entrant. */
	static ScenarioBuilder journey(String name) {
		return scenario(name).feed(people()).exec(journey());
	}

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
				journeysCompleted.incrementAndGet();
				return session;
			});
	}

	/** The contest page's data; reloaded as a person would if it failed (fault runs). */
	private static ChainBuilder contestPage() {
		return exec(tryMax(LoadParameters.RETRIES + 1, "try").on(retryPause(),
				exec(http("contest").get("/api/contests/" + LoadParameters.CONTEST)
					.check(status().is(200), jsonPath("$.consentVersion").saveAs("consentVersion"),
							jsonPath("$.units[*].code").findRandom().saveAs("unitCode"),
							jsonPath("$.districts[*]").findRandom().saveAs("district")))));
	}

	/** Start, think, submit: one attempt, scoring the entrant's planned score. */
	private static ChainBuilder attempt(String scoreAttribute) {
		HttpRequestActionBuilder start = client(http("start").post("/api/contests/" + LoadParameters.CONTEST + "/attempts"))
			.body(StringBody(Entrants::registration))
			.asJson()
			.check(status().is(201), jsonPath("$.attemptId").saveAs("attemptId"),
					jsonPath("$.token").saveAs("token"), jsonPath("$.questions[*].id").ofLong().findAll().saveAs("questionIds"));
		HttpRequestActionBuilder submit = http("submit").post("/api/attempts/#{attemptId}/submission")
			.header("X-Attempt-Token", "#{token}")
			.body(StringBody("#{submission}"))
			.asJson()
			.check(status().is(200), jsonPath("$.score").ofInt().is((session) -> session.getInt(scoreAttribute)));
		int tries = LoadParameters.RETRIES + 1;
		Duration think = LoadParameters.THINK_TIME;
		return exec(tryMax(tries, "try").on(retryPause(), exec(start).exec((session) -> {
			startsAccepted.incrementAndGet();
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
	private static ChainBuilder retryPause() {
		return doIf((session) -> session.getInt("try") > 0).then(pause(Duration.ofSeconds(1)));
	}

	private static ChainBuilder rank() {
		return exec(http("rank").get("/api/attempts/#{attemptId}/rank")
			.header("X-Attempt-Token", "#{token}")
			.check(status().is(200)));
	}

	private static ChainBuilder leaderboard() {
		return exec(http("leaderboard").get("/api/contests/" + LoadParameters.CONTEST + "/leaderboard")
			.check(status().is(200)));
	}

	/** With the entrant's own address and browser id, as a browser behind the proxy. */
	private static HttpRequestActionBuilder client(HttpRequestActionBuilder request) {
		HttpRequestActionBuilder withDevice = request.header("X-Device-Id", "#{device}");
		return LoadParameters.FORWARDED_FOR ? withDevice.header("X-Forwarded-For", "#{ip}") : withDevice;
	}

	private static String registration(Session session) {
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
	private static String submission(Session session, int score) {
		List<Long> questionIds = session.getList("questionIds");
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < questionIds.size(); i++) {
			positions.add(i);
		}
		Random shuffle = new Random(session.userId() * 31 + score);
		Collections.shuffle(positions, shuffle);
		List<Map<String, Object>> answers = new ArrayList<>();
		for (int i = 0; i < questionIds.size(); i++) {
			long questionId = questionIds.get(positions.get(i));
			Integer right = correct.get(questionId);
			if (right == null) {
				throw new IllegalStateException("question " + questionId + " is not in the bank read at the start");
			}
			int option = (i < score) ? right : (right % 4) + 1;
			answers.add(Map.of("questionId", questionId, "optionId", option));
		}
		return write(Map.of("answers", answers, "prediction", session.getLong("prediction")));
	}

	private static Session accepted(Session session, String scoreAttribute) {
		int score = session.getInt(scoreAttribute);
		if (accepted.putIfAbsent(session.getString("attemptId"), score) == null) {
			scores.incrementAndGet(score);
		}
		peopleAccepted.put(session.getString("phone"), Boolean.TRUE);
		return session;
	}

	/** Of the reference campaign's distribution, the score a uniform draw falls on. */
	private static int score(double draw) {
		double sum = 0;
		for (int score = 20; score >= 0; score--) {
			sum += SCORE_SHARES[score];
			if (draw < sum) {
				return score;
			}
		}
		return 0;
	}

	private static double[] scoreShares() {
		double[] shares = new double[21];
		shares[20] = PERFECT;
		double highSum = 0;
		for (double share : HIGH) {
			highSum += share;
		}
		for (int i = 0; i < HIGH.length; i++) {
			shares[15 + i] = (AT_LEAST_15 - PERFECT) * HIGH[i] / highSum;
		}
		double lowSum = 0;
		for (double share : LOW) {
			lowSum += share;
		}
		for (int i = 0; i < LOW.length; i++) {
			shares[i] = (1 - AT_LEAST_15) * LOW[i] / lowSum;
		}
		return shares;
	}

	/**
	 * Reads the bank's correct options with the staff account, before any entrant
	 * arrives.
	 */
	static void before() {
		if (LoadParameters.STAFF_PASSWORD.isEmpty()) {
			throw new IllegalStateException("-Dload.staffPassword (an organizer's) is needed to read the question bank");
		}
		JsonNode bank;
		try {
			bank = json.readTree(get("/api/admin/contests/" + LoadParameters.CONTEST + "/questions"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (JsonNode question : bank) {
			correct.put(question.get("id").asLong(), question.get("correctOption").asInt());
		}
		System.out.println("Question bank: " + correct.size() + " questions");
	}

	/** Writes what the run saw, for run.sh to reconcile with PostgreSQL and Redis. */
	static void after(String simulation) {
		StringBuilder out = new StringBuilder();
		out.append("simulation=").append(simulation).append('\n');
		out.append("entrants=").append(nextEntrant.get()).append('\n');
		out.append("journeys.completed=").append(journeysCompleted.get()).append('\n');
		out.append("starts.accepted=").append(startsAccepted.get()).append('\n');
		out.append("submissions.accepted=").append(accepted.size()).append('\n');
		out.append("people.accepted=").append(peopleAccepted.size()).append('\n');
		long perfect = scores.get(20);
		long high = 0;
		for (int score = 15; score <= 20; score++) {
			high += scores.get(score);
		}
		out.append("scores.perfect=").append(perfect).append('\n');
		out.append("scores.atLeast15=").append(high).append('\n');
		try {
			Path file = Path.of(LoadParameters.RESULT_FILE);
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.print(out);
	}

	static String get(String path) {
		String credentials = LoadParameters.STAFF_USER + ":" + LoadParameters.STAFF_PASSWORD;
		HttpRequest request = HttpRequest.newBuilder(URI.create(LoadParameters.BASE_URL + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
