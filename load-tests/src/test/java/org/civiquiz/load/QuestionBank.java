package org.civiquiz.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The correct option of each question of the contest's bank, read once with the staff
 * account before any entrant arrives, so that the entrants' answers get the score the
 * feeder planned for them.
 */
final class QuestionBank {

	private static final Map<Long, Integer> correct = new ConcurrentHashMap<>();

	private static final ObjectMapper json = new ObjectMapper();

	private QuestionBank() {
	}

	/** Reads the bank's correct options with the staff account. */
	static void read() {
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

	static int correctOption(long questionId) {
		Integer right = correct.get(questionId);
		if (right == null) {
			throw new IllegalStateException("question " + questionId + " is not in the bank read at the start");
		}
		return right;
	}

	private static String get(String path) {
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

}
