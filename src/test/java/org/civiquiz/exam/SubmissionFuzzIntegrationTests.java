package org.civiquiz.exam;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.civiquiz.IntegrationTest;
import org.civiquiz.exam.web.ExamController;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of {@code POST /api/attempts/{id}/submission} against the real
 * app: arbitrary JSON-ish bodies (any types, nesting, sizes and Unicode) and valid
 * submissions mutated in every way a client could get them wrong. For each, a model of
 * the endpoint's contract (below, {@link #judge}) says whether it must be accepted, and
 * with what score, or refused, and how. The properties:
 * <ul>
 * <li>never a 5xx; a refusal is {@code application/problem+json} with the model's status
 * and code;</li>
 * <li>an accepted submission scores what the bank's correct options give the answers, and
 * PostgreSQL holds exactly those answers and that prediction;</li>
 * <li>a refused one leaves the attempt open and its row unchanged.</li>
 * </ul>
 * Reproducible: each try draws from its own generator, seeded from
 * {@code -Dciviquiz.fuzz.seed} (default {@value #DEFAULT_SEED}) and its number; the
 * number of tries is {@code -Dciviquiz.fuzz.tries} (default {@value #DEFAULT_TRIES}). A
 * failure names the try, its seed and its body.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionFuzzIntegrationTests {

	static final long DEFAULT_SEED = 20231115L;

	static final int DEFAULT_TRIES = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long MAX_PREDICTION = 100_000_000L;

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

	private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

	/** Text a hostile or careless client might put anywhere. */
	private static final List<String> TEXTS = List.of("", " ", "answers", "prediction", "questionId", "optionId",
			"Nguyễn Văn An", "محمد", "דוד", "😀👨‍👩‍👧", "e\u0301\u0302\u0303", "<script>alert(1)</script>",
			"'; DROP TABLE attempt;--", "\u0000\u0001\u001f", "\\\"", "\u202Eevil", "\uD800", "null", "true", "12",
			"1e3", "k".repeat(300));

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Map<Long, BankQuestion> bank;

	/** The open attempt the next try submits to; a new one after each acceptance. */
	private AttemptStarted current;

	/** How many tries ended how: the generator must reach every kind of outcome. */
	private final Map<String, Integer> outcomes = new TreeMap<>();

	@BeforeAll
	void loadBank() {
		this.bank = ExamFixtures.bank(this.client);
	}

	@TestFactory
	Stream<DynamicTest> theSubmissionEndpointKeepsItsContract() {
		long seed = Long.getLong("civiquiz.fuzz.seed", DEFAULT_SEED);
		int tries = Integer.getInteger("civiquiz.fuzz.tries", DEFAULT_TRIES);
		return IntStream.range(0, tries)
			.mapToObj((n) -> DynamicTest.dynamicTest("try " + n + " (seed " + seed + ")", () -> attempt(seed, n)));
	}

	private void attempt(long seed, int n) {
		Random random = new Random(seed * 1_000_003L + n);
		if (this.current == null) {
			this.current = ExamFixtures.started(this.client, ExamFixtures.newPhone());
		}
		AttemptStarted attempt = this.current;
		String body = body(random, attempt);
		Expected expected = judge(body, attempt);
		String before = row(attempt);
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/api/attempts/{id}/submission", attempt.attemptId())
			.header(ExamController.TOKEN_HEADER, attempt.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectBody()
			.returnResult();
		String answer = (result.getResponseBody() != null)
				? new String(result.getResponseBody(), StandardCharsets.UTF_8) : "";
		String context = "try " + n + ", seed " + seed + ", body " + shorten(body) + " -> " + result.getStatus() + " "
				+ shorten(answer);
		int status = result.getStatus().value();
		assertThat(status).as(context).isLessThan(500).isEqualTo(expected.status());
		this.outcomes.merge(status + " " + ((expected.code() != null) ? expected.code() : "accepted"), 1, Integer::sum);
		JsonNode json = JSON.readTree(answer);
		if (status == 200) {
			assertThat(json.path("score").asInt()).as(context).isEqualTo(expected.score());
			Map<String, Object> stored = this.database.sql(
					"select status, score, prediction, array_to_string(answers, ',') as answers from attempt where id = :id")
				.bind("id", attempt.attemptId())
				.fetch()
				.one()
				.block();
			assertThat(stored).as(context)
				.containsEntry("status", "SUBMITTED")
				.containsEntry("score", (short) expected.score())
				.containsEntry("prediction", expected.prediction())
				.containsEntry("answers", expected.answers());
			this.current = null;
		}
		else {
			assertThat(result.getResponseHeaders().getContentType()).as(context).isNotNull();
			assertThat(
					result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as(context)
				.isTrue();
			assertThat(json.path("code").asString()).as(context).isEqualTo(expected.code());
			assertThat(json.path("detail").asString()).as(context).isNotBlank();
			assertThat(answer).as(context).doesNotContain("Exception", "java.", "tools.jackson").hasSizeLessThan(4096);
			assertThat(row(attempt)).as(context).isEqualTo(before).contains("\"status\":\"OPEN\"");
		}
	}

	@AfterAll
	void everyOutcomeWasReached() {
		System.out.println("Submission fuzzing outcomes: " + this.outcomes);
		if (this.outcomes.values().stream().mapToInt(Integer::intValue).sum() >= DEFAULT_TRIES) {
			assertThat(this.outcomes).containsKeys("200 accepted", "400 MALFORMED_REQUEST", "400 VALIDATION_FAILED",
					"413 PAYLOAD_TOO_LARGE", "422 QUESTION_NOT_IN_ATTEMPT", "422 ANSWER_DUPLICATE",
					"422 OPTION_UNKNOWN", "422 TOO_MANY_ANSWERS");
			assertThat(this.outcomes.get("200 accepted")).isGreaterThanOrEqualTo(DEFAULT_TRIES / 10);
		}
	}

	// --- generation ---

	/**
	 * One body: a mutated valid submission, an arbitrary value, or one of those broken.
	 */
	private String body(Random random, AttemptStarted attempt) {
		int kind = random.nextInt(100);
		Object value = (kind < 60) ? mutated(random, attempt) : arbitrary(random, 0);
		String body = write(value);
		if (kind >= 92) {
			// broken text: cut short, or something after the value
			body = random.nextBoolean() ? body.substring(0, random.nextInt(body.length()))
					: body + pick(random, List.of("x", "}", "]", ",", "{}", "\"", "0", "null"));
		}
		else if (kind >= 90) {
			// past the body limit, however valid
			body = body + " ".repeat(64 * 1024);
		}
		return body;
	}

	private Object mutated(Random random, AttemptStarted attempt) {
		List<AttemptStarted.ExamQuestion> questions = new ArrayList<>(attempt.questions());
		Collections.shuffle(questions, random);
		List<Object> answers = new ArrayList<>();
		for (AttemptStarted.ExamQuestion question : questions.subList(0, random.nextInt(questions.size() + 1))) {
			Object option = (random.nextInt(10) == 0) ? Null.NULL
					: num(question.options().get(random.nextInt(question.options().size())).id());
			answers.add(obj(field("questionId", num(question.id())), field("optionId", option)));
		}
		Obj body = obj(field("answers", answers));
		int prediction = random.nextInt(10);
		if (prediction < 5) {
			body.fields().add(field("prediction", num(random.nextInt((int) MAX_PREDICTION + 1))));
		}
		else if (prediction < 6) {
			body.fields().add(field("prediction", Null.NULL));
		}
		int mutations = List.of(0, 0, 0, 0, 1, 1, 1, 1, 2, 3).get(random.nextInt(10));
		for (int i = 0; i < mutations; i++) {
			mutate(random, attempt, body, answers);
		}
		return body;
	}

	private void mutate(Random random, AttemptStarted attempt, Obj body, List<Object> answers) {
		List<Obj> objects = answers.stream().filter(Obj.class::isInstance).map(Obj.class::cast).toList();
		Obj answer = objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
		switch (random.nextInt(20)) {
			case 0, 1 -> {
				if (answer != null) {
					answer.set("questionId",
							pick(random,
									List.of(num(0), num(-1), num(Long.MAX_VALUE),
											num(100_000 + random.nextInt(1_000_000)), num(200_000), new Num("1.5"),
											new Num("99999999999999999999"), "7", Boolean.TRUE, Null.NULL)));
				}
			}
			case 2, 3 -> {
				if (answer != null) {
					answer.set("optionId",
							pick(random,
									List.of(num(0), num(5), num(-1), num(Integer.MAX_VALUE), num(Integer.MIN_VALUE),
											num(6), new Num("2147483648"), new Num("2.0"), new Num("1e0"), "2",
											Boolean.FALSE, List.of(), obj())));
				}
			}
			case 4, 5 -> {
				if (answer != null) {
					answers.add(random.nextBoolean() ? answer
							: obj(field("questionId", answer.get("questionId")), field("optionId", num(1))));
				}
			}
			case 6 -> answers
				.add(pick(random, List.of(Null.NULL, obj(), obj(field("optionId", num(1))), num(3), "A", List.of())));
			case 7 -> {
				if (answer != null) {
					answer.fields()
						.add(field(pick(random, List.of("correct", "optionId", "questionId", "OptionId")),
								pick(random, List.of(Boolean.TRUE, num(1), "x"))));
				}
			}
			case 8 -> body.fields()
				.add(field(pick(random, List.of("score", "answers", "prediction", "Prediction", "token")),
						pick(random, List.of(num(20), List.of(), Null.NULL))));
			case 9, 10 -> body.set("prediction",
					pick(random, List.of(num(-1), num(-1 - random.nextInt(Integer.MAX_VALUE)), num(MAX_PREDICTION + 1),
							num(Long.MAX_VALUE), num(Long.MIN_VALUE), num(MAX_PREDICTION), num(0), new Num("-0"))));
			case 11 -> body.set("prediction", pick(random, List.of(new Num("12.5"), new Num("1e3"), new Num("1E+2"),
					new Num("99999999999999999999"), "42", "", Boolean.TRUE, List.of(num(1)), obj())));
			case 12, 13 -> {
				List<Object> more = new ArrayList<>();
				for (int i = 0; i < 21 + random.nextInt(40); i++) {
					AttemptStarted.ExamQuestion question = attempt.questions().get(i % attempt.questions().size());
					more.add(obj(field("questionId", num(question.id())), field("optionId", num(1 + i % 4))));
				}
				answers.clear();
				answers.addAll(more);
			}
			case 14 -> body.set("answers", pick(random, List.of("all", obj(), num(1), Null.NULL, Boolean.TRUE)));
			case 15 -> Collections.shuffle(answers, random);
			case 16 -> {
				if (answer != null) {
					answer.fields().removeIf((entry) -> entry.getKey().equals("optionId"));
				}
			}
			case 17 -> {
				if (!answers.isEmpty()) {
					answers.remove(random.nextInt(answers.size()));
				}
			}
			case 18 -> body.fields().removeIf((entry) -> entry.getKey().equals("prediction"));
			default -> body.fields().add(field(pick(random, TEXTS), arbitrary(random, 2)));
		}
	}

	/** Any JSON value, biased towards the fields the endpoint knows. */
	private Object arbitrary(Random random, int depth) {
		int kind = random.nextInt((depth >= 4) ? 5 : 7);
		return switch (kind) {
			case 0 -> Null.NULL;
			case 1 -> random.nextBoolean();
			case 2 -> pick(random, List.<Supplier<Num>>of(() -> num(random.nextInt(30)), () -> num(random.nextLong()),
					() -> num(random.nextInt(5) - 10), () -> new Num(random.nextInt(100) + "." + random.nextInt(10)),
					() -> new Num(random.nextInt(9) + 1 + "e" + random.nextInt(40)),
					() -> new Num("1" + "0".repeat(19 + random.nextInt(30)))))
				.get();
			case 3, 4 -> text(random);
			case 5 -> {
				List<Object> list = new ArrayList<>();
				for (int i = random.nextInt(6); i > 0; i--) {
					list.add(arbitrary(random, depth + 1));
				}
				yield list;
			}
			default -> {
				Obj obj = obj();
				for (int i = random.nextInt(5); i > 0; i--) {
					String key = (random.nextInt(3) == 0) ? text(random)
							: pick(random, List.of("answers", "prediction", "questionId", "optionId"));
					obj.fields().add(field(key, arbitrary(random, depth + 1)));
				}
				yield obj;
			}
		};
	}

	private static String text(Random random) {
		String text = pick(random, TEXTS);
		return random.nextBoolean() ? text : text + random.nextInt(1000);
	}

	private static <T> T pick(Random random, List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	// --- the model of the endpoint's contract ---

	/**
	 * What the endpoint must answer: malformed JSON or a wrong type is 400
	 * {@code MALFORMED_REQUEST}; then, in the order the server checks them, more answers
	 * than questions, answers that do not fit the attempt (422, the first one's code), a
	 * prediction out of range (400 {@code VALIDATION_FAILED}); otherwise 200 with the
	 * score the bank gives the answers.
	 */
	private Expected judge(String body, AttemptStarted attempt) {
		if (body.getBytes(StandardCharsets.UTF_8).length > 64 * 1024) {
			return Expected.refused(413, "PAYLOAD_TOO_LARGE");
		}
		Object root;
		try {
			root = new Reader(body).document();
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return Expected.refused(400, "MALFORMED_REQUEST");
		}
		if (!(root instanceof Obj top) || !wellTyped(top)) {
			return Expected.refused(400, "MALFORMED_REQUEST");
		}
		Object answersValue = top.get("answers");
		List<Object> given = (answersValue instanceof List<?> list) ? new ArrayList<>(list) : List.of();
		int total = attempt.questions().size();
		if (given.size() > total) {
			return Expected.refused(422, "TOO_MANY_ANSWERS");
		}
		int[] chosen = new int[total];
		boolean[] seen = new boolean[total];
		for (Object element : given) {
			Long questionId = (element instanceof Obj answer && answer.get("questionId") instanceof Num id)
					? id.value().longValueExact() : null;
			int position = -1;
			for (int i = 0; questionId != null && i < total; i++) {
				if (attempt.questions().get(i).id() == questionId) {
					position = i;
				}
			}
			if (position < 0) {
				return Expected.refused(422, "QUESTION_NOT_IN_ATTEMPT");
			}
			if (seen[position]) {
				return Expected.refused(422, "ANSWER_DUPLICATE");
			}
			seen[position] = true;
			Object option = ((Obj) element).get("optionId");
			if (option instanceof Num number) {
				int id = number.value().intValueExact();
				if (attempt.questions().get(position).options().stream().noneMatch((o) -> o.id() == id)) {
					return Expected.refused(422, "OPTION_UNKNOWN");
				}
				chosen[position] = id;
			}
		}
		Long prediction = (top.get("prediction") instanceof Num number) ? number.value().longValueExact() : null;
		if (prediction != null && (prediction < 0 || prediction > MAX_PREDICTION)) {
			return Expected.refused(400, "VALIDATION_FAILED");
		}
		int score = 0;
		StringBuilder stored = new StringBuilder();
		for (int i = 0; i < total; i++) {
			if (chosen[i] == this.bank.get(attempt.questions().get(i).id()).correctOption()) {
				score++;
			}
			stored.append((i > 0) ? "," : "").append(chosen[i]);
		}
		return new Expected(200, null, score, prediction, stored.toString());
	}

	/** Only known fields, each once, each of its type; the same for every answer. */
	private static boolean wellTyped(Obj top) {
		if (!known(top, Set.of("answers", "prediction"))) {
			return false;
		}
		Object answers = top.get("answers");
		if (answers != null && answers != Null.NULL) {
			if (!(answers instanceof List<?> list)) {
				return false;
			}
			for (Object element : list) {
				if (element == Null.NULL) {
					continue;
				}
				if (!(element instanceof Obj answer) || !known(answer, Set.of("questionId", "optionId"))
						|| !integer(answer.get("questionId"), LONG_MIN, LONG_MAX)
						|| !integer(answer.get("optionId"), INT_MIN, INT_MAX)) {
					return false;
				}
			}
		}
		return integer(top.get("prediction"), LONG_MIN, LONG_MAX);
	}

	private static boolean known(Obj obj, Set<String> names) {
		Set<String> seen = new HashSet<>();
		return obj.fields().stream().allMatch((entry) -> names.contains(entry.getKey()) && seen.add(entry.getKey()));
	}

	/** Absent, null, or a whole number without fraction or exponent, within range. */
	private static boolean integer(Object value, BigInteger min, BigInteger max) {
		if (value == null || value == Null.NULL) {
			return true;
		}
		return value instanceof Num number && INTEGER.matcher(number.text()).matches()
				&& number.value().compareTo(min) >= 0 && number.value().compareTo(max) <= 0;
	}

	/**
	 * The outcome the model expects.
	 *
	 * @param status the HTTP status
	 * @param code the problem's code, if refused
	 * @param score the score, if accepted
	 * @param prediction the prediction stored, if accepted
	 * @param answers the answers stored, aligned with the questions, if accepted
	 */
	record Expected(int status, String code, int score, Long prediction, String answers) {

		static Expected refused(int status, String code) {
			return new Expected(status, code, -1, null, null);
		}

	}

	// --- JSON with repeated fields and numbers as written ---

	enum Null {

		NULL

	}

	record Num(String text) {

		BigInteger value() {
			return new BigInteger(text());
		}

	}

	record Obj(List<Map.Entry<String, Object>> fields) {

		/** The value of the field, if it is there once; the last one otherwise. */
		Object get(String name) {
			Object value = null;
			for (Map.Entry<String, Object> entry : this.fields) {
				if (entry.getKey().equals(name)) {
					value = entry.getValue();
				}
			}
			return value;
		}

		void set(String name, Object value) {
			this.fields.removeIf((entry) -> entry.getKey().equals(name));
			this.fields.add(field(name, value));
		}

	}

	@SafeVarargs
	private static Obj obj(Map.Entry<String, Object>... fields) {
		return new Obj(new ArrayList<>(List.of(fields)));
	}

	private static Map.Entry<String, Object> field(String name, Object value) {
		return new SimpleEntry<>(name, value);
	}

	private static Num num(long value) {
		return new Num(Long.toString(value));
	}

	private static String write(Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json);
		return json.toString();
	}

	private static void write(Object value, StringBuilder json) {
		if (value == Null.NULL) {
			json.append("null");
		}
		else if (value instanceof Boolean bool) {
			json.append(bool);
		}
		else if (value instanceof Num number) {
			json.append(number.text());
		}
		else if (value instanceof String text) {
			quote(text, json);
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append((i > 0) ? "," : "");
				write(list.get(i), json);
			}
			json.append(']');
		}
		else {
			json.append('{');
			List<Map.Entry<String, Object>> fields = ((Obj) value).fields();
			for (int i = 0; i < fields.size(); i++) {
				json.append((i > 0) ? "," : "");
				quote(fields.get(i).getKey(), json);
				json.append(':');
				write(fields.get(i).getValue(), json);
			}
			json.append('}');
		}
	}

	private static void quote(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i)) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

	private static boolean validPair(String text, int i) {
		char c = text.charAt(i);
		return (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
				|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
	}

	/**
	 * Reads JSON as the model needs it: repeated fields kept, numbers as written. Strict
	 * (RFC 8259, one value, nothing after it but whitespace); anything else is an
	 * {@link IllegalArgumentException}.
	 */
	private static final class Reader {

		private final String text;

		private int at;

		Reader(String text) {
			this.text = text;
		}

		Object document() {
			Object value = value();
			space();
			if (this.at != this.text.length()) {
				throw new IllegalArgumentException("trailing content");
			}
			return value;
		}

		private Object value() {
			space();
			if (this.at >= this.text.length()) {
				throw new IllegalArgumentException("end of input");
			}
			char c = this.text.charAt(this.at);
			if (c == '{') {
				this.at++;
				Obj obj = obj();
				space();
				if (peek('}')) {
					return obj;
				}
				do {
					space();
					String key = string();
					space();
					expect(':');
					obj.fields().add(field(key, value()));
					space();
				}
				while (peek(','));
				expect('}');
				return obj;
			}
			if (c == '[') {
				this.at++;
				List<Object> list = new ArrayList<>();
				space();
				if (peek(']')) {
					return list;
				}
				do {
					list.add(value());
					space();
				}
				while (peek(','));
				expect(']');
				return list;
			}
			if (c == '"') {
				return string();
			}
			for (String word : List.of("null", "true", "false")) {
				if (this.text.startsWith(word, this.at)) {
					this.at += word.length();
					return word.equals("null") ? Null.NULL : Boolean.valueOf(word);
				}
			}
			int start = this.at;
			while (this.at < this.text.length() && "+-.eE0123456789".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			String number = this.text.substring(start, this.at);
			if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
				throw new IllegalArgumentException("not a value");
			}
			return new Num(number);
		}

		private String string() {
			expect('"');
			StringBuilder text = new StringBuilder();
			while (true) {
				if (this.at >= this.text.length()) {
					throw new IllegalArgumentException("unterminated string");
				}
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return text.toString();
				}
				if (c < 0x20) {
					throw new IllegalArgumentException("control character");
				}
				if (c == '\\') {
					char escaped = this.text.charAt(this.at++);
					switch (escaped) {
						case 'u' -> {
							text.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						case 'n' -> text.append('\n');
						case 't' -> text.append('\t');
						case 'r' -> text.append('\r');
						case 'b' -> text.append('\b');
						case 'f' -> text.append('\f');
						case '"', '\\', '/' -> text.append(escaped);
						default -> throw new IllegalArgumentException("bad escape");
					}
				}
				else {
					text.append(c);
				}
			}
		}

		private void space() {
			while (this.at < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
		}

		private boolean peek(char c) {
			if (this.at < this.text.length() && this.text.charAt(this.at) == c) {
				this.at++;
				return true;
			}
			return false;
		}

		private void expect(char c) {
			if (!peek(c)) {
				throw new IllegalArgumentException("expected " + c);
			}
		}

	}

	private String row(AttemptStarted attempt) {
		return this.database.sql("select row_to_json(a)::text from attempt a where id = :id")
			.bind("id", attempt.attemptId())
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static String shorten(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…(" + text.length() + " characters)" : text;
	}

}
