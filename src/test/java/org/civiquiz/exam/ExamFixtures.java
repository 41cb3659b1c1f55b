package org.civiquiz.exam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.question.BankQuestion;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Registrations, answers and HTTP calls of the exam API for tests.
 */
public final class ExamFixtures {

	private ExamFixtures() {
	}

	/** A fresh mobile number, so that each test is its own participant. */
	public static String newPhone() {
		return "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	public static Map<String, Object> registration(String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fullName", "Nguyễn Thị Hồng Nhung");
		body.put("phone", phone);
		body.put("unitCode", "HP-LMHTX");
		body.put("district", "Quận Lê Chân");
		body.put("birthYear", 1990);
		body.put("consent", true);
		return body;
	}

	public static WebTestClient.ResponseSpec start(WebTestClient client, Map<String, Object> registration) {
		return start(client, IntegrationTest.CONTEST, registration);
	}

	public static WebTestClient.ResponseSpec start(WebTestClient client, String contest,
			Map<String, Object> registration) {
		return client.post()
			.uri("/api/contests/{slug}/attempts", contest)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange();
	}

	public static AttemptStarted started(WebTestClient client, String phone) {
		return start(client, registration(phone)).expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
	}

	public static AttemptStarted started(String json) {
		return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, AttemptStarted.class);
	}

	/** Makes the attempt look started {@code ago}, so that its duration is that long. */
	public static void backdate(DatabaseClient database, AttemptStarted attempt, Duration ago) {
		database.sql("update attempt set started_at = now() - cast(:ago as interval) where id = :id")
			.bind("ago", ago.toMillis() + " milliseconds")
			.bind("id", attempt.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
	}

	public static WebTestClient.ResponseSpec submit(WebTestClient client, AttemptStarted attempt, Object body) {
		return client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public static Map<Long, BankQuestion> bank(WebTestClient client) {
		List<BankQuestion> questions = client.get()
			.uri("/api/admin/contests/{slug}/questions", IntegrationTest.CONTEST)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<BankQuestion>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<Long, BankQuestion> byId = new HashMap<>();
		questions.forEach((question) -> byId.put(question.id(), question));
		return byId;
	}

	/**
	 * Answers: the first {@code correct} questions right, the next {@code wrong} wrong,
	 * the rest left out.
	 */
	public static Map<String, Object> answers(AttemptStarted attempt, Map<Long, BankQuestion> bank, int correct,
			int wrong, Long prediction) {
		List<Map<String, Object>> answers = new ArrayList<>();
		for (int i = 0; i < correct + wrong; i++) {
			AttemptStarted.ExamQuestion question = attempt.questions().get(i);
			int right = bank.get(question.id()).correctOption();
			int chosen = (i < correct) ? right : ((right % 4) + 1);
			answers.add(Map.of("questionId", question.id(), "optionId", chosen));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("answers", answers);
		body.put("prediction", prediction);
		return body;
	}

}
