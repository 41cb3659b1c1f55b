package org.civiquiz.web;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.participant.verification.LogPhoneCodeSender;
import org.civiquiz.participant.verification.PhoneCodeSender;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in a real browser (Debian's Chromium, driven by Playwright from
 * {@code frontend/e2e}) against the whole app: a citizen's exam on a phone-sized screen,
 * registration errors, the organizer's live dashboard, contest and question-bank
 * management, a phone verified by a one-time code before the start, the award committee's
 * finalization and exports, and the admin's accounts. Each journey saves screenshots
 * under {@code target/screenshots/}, and the Vietnamese guide's pictures in
 * {@code docs/vi/images/}, and fails on serious accessibility violations (axe).
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "frontend.skip", matches = "true")
class BrowserJourneysIntegrationTests {

	private static final long JOURNEYS_TIMEOUT_MINUTES = 12;

	private static final Path GUIDE = Path.of("docs", "vi").toAbsolutePath();

	private static final Pattern GUIDE_IMAGE = Pattern.compile("\\]\\((images/[^)\\s]+\\.png)\\)");

	@LocalServerPort
	private int port;

	@Autowired
	private ContestService contests;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private PhoneCodeSender sender;

	@Test
	void pagesAreServedWithoutLoginAndTheirAssetsCachedForGood() throws Exception {
		for (String page : List.of("/", "/index.html", "/admin.html", "/favicon.svg")) {
			this.client.get().uri(page).exchange().expectStatus().isOk();
		}
		String index = this.client.get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
		Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
		assertThat(script.find()).as("index.html loads a script from /assets").isTrue();
		this.client.get()
			.uri(script.group(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

	private String timedContest(String slug, Duration timeLimit) {
		return timedContest(slug, timeLimit, 5);
	}

	private String timedContest(String slug, Duration timeLimit, int questions) {
		Instant now = Instant.now();
		this.contests
			.create(new NewContest(slug, "Thi nhanh " + slug, "Luật Hợp tác xã 2023",
					"Cuộc thi ngắn để thử việc tự động nộp bài khi hết giờ.",
					"Mỗi lượt có " + questions + " câu hỏi, làm trong " + timeLimit.toSeconds() + " giây.",
					IntegrationTest.CONTEST, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), timeLimit,
					questions, 3, Map.of(), "Có bao nhiêu người trả lời đúng cả " + questions + " câu?",
					List.of("Quận Hồng Bàng"), ContestStatus.OPEN),
					List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
					List.of(new NewUnit("WEB-T", "Đơn vị thử", null, null)))
			.block();
		return slug;
	}

	/**
	 * A short contest whose attempts are reviewed right after each submission
	 * ({@code AFTER_SUBMISSION}), or, closed, one whose answer key is published.
	 */
	private String reviewContest(String slug, ContestStatus status, ReviewPolicy policy) {
		Instant now = Instant.now();
		this.contests
			.create(new NewContest(slug, "Ôn tập " + slug, "Luật Hợp tác xã 2023",
					"Cuộc thi ngắn để ôn tập: xem lại bài ngay sau khi nộp.", "Mỗi lượt có 5 câu hỏi.",
					IntegrationTest.CONTEST, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
					Duration.ofMinutes(20), 5, 3, Map.of(), "Có bao nhiêu người trả lời đúng cả 5 câu?",
					List.of("Quận Hồng Bàng"), status, null, PhoneVerification.OFF, policy, OverdueHandling.AUTO_SUBMIT,
					CertificateSetting.OFF, true),
					List.of(new NewRound(1, "Vòng 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
					List.of(new NewUnit("WEB-R", "Hợp tác xã Dịch vụ Nông nghiệp Kiến Thụy", null, null)))
			.block();
		return slug;
	}

	/**
	 * A contest whose only round has closed, with three submitted attempts and a prize
	 * plan: ready for the committee to finalize.
	 */
	private String closedContestWithPrizePlan(String slug) {
		ContestFixtures.openContest(this.contests, slug, List.of("Quận Hồng Bàng", "Huyện Thủy Nguyên"),
				List.of(new NewUnit("WEB-A1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, 40),
						new NewUnit("WEB-A2", "Liên minh Hợp tác xã quận Hồng Bàng", null, 3)));
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		submittedAttempt(slug, bank, "Trần Thị Bình", "WEB-A1", 20, 4L);
		submittedAttempt(slug, bank, "Nguyễn Văn Ân", "WEB-A1", 18, 10L);
		submittedAttempt(slug, bank, "Lê Hoàng Cường", "WEB-A2", 18, 5L);
		this.client.put()
			.uri("/api/admin/contests/{slug}/prize-plan", slug)
			.headers((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("round",
					List.of(Map.of("name", "Giải Nhất", "count", 1), Map.of("name", "Giải Nhì", "count", 2)),
					"unitsByParticipants", List.of(Map.of("name", "Giải tập thể đông nhất", "count", 1)),
					"unitPrizesPer", "ROUND"))
			.exchange()
			.expectStatus()
			.isOk();
		this.database
			.sql("update contest_round set closes_at = now() - interval '1 minute'"
					+ " where contest_id = (select id from contest where slug = :slug)")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated()
			.block();
		return slug;
	}

	/**
	 * A contest whose round 1 list the committee has finalized: what the public results
	 * show.
	 */
	private String finalizedContest(String slug) {
		closedContestWithPrizePlan(slug);
		this.client.post()
			.uri("/api/admin/contests/{slug}/rounds/1/finalization", slug)
			.headers((headers) -> headers.setBasicAuth("committee", IntegrationTest.COMMITTEE_PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated();
		return slug;
	}

	/**
	 * A contest that issues certificates from 15/20, over, with one attempt of 18/20: its
	 * id and token, for the journey to open the participant's certificate page.
	 */
	private AttemptStarted certificateAttempt(String slug) {
		Instant now = Instant.now();
		this.contests
			.create(new NewContest(slug, "Tìm hiểu Luật Hợp tác xã " + slug, "Luật Hợp tác xã 2023", "", "",
					IntegrationTest.CONTEST, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
					Duration.ofMinutes(20), 20, 3, Map.of(), "Có bao nhiêu bài thi đạt 20/20?", List.of(),
					ContestStatus.OPEN, null, PhoneVerification.OFF, ReviewPolicy.AFTER_CONTEST_CLOSES,
					OverdueHandling.AUTO_SUBMIT,
					new CertificateSetting(true, 15, "Sở Tư pháp thành phố Hải Phòng", "Hải Phòng"), true),
					List.of(new NewRound(1, "Tuần 1", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))),
					List.of(new NewUnit("HP-LMHTX", "Liên minh Hợp tác xã thành phố Hải Phòng", null, null)))
			.block();
		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		registration.put("fullName", "Phạm Đức Hưởng");
		AttemptStarted started = ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures
			.submit(this.client, started, ExamFixtures.answers(started, ExamFixtures.bank(this.client), 18, 2, 1L))
			.expectStatus()
			.isOk();
		this.database.sql("update contest set closes_at = now() - interval '1 minute' where slug = :slug")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated()
			.then(this.database
				.sql("update contest_round set closes_at = now() - interval '1 minute'"
						+ " where contest_id = (select id from contest where slug = :slug)")
				.bind("slug", slug)
				.fetch()
				.rowsUpdated())
			.block();
		return started;
	}

	private void submittedAttempt(String slug, Map<Long, BankQuestion> bank, String name, String unit, int score,
			Long prediction) {
		Map<String, Object> registration = ExamFixtures.registration(ExamFixtures.newPhone());
		registration.put("fullName", name);
		registration.put("unitCode", unit);
		registration.put("district", "Quận Hồng Bàng");
		AttemptStarted started = ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures.submit(this.client, started, ExamFixtures.answers(started, bank, score, 20 - score, prediction))
			.expectStatus()
			.isOk();
	}

	@Test
	@Timeout(value = JOURNEYS_TIMEOUT_MINUTES + 1, unit = TimeUnit.MINUTES)
	void citizenAndOrganizerJourneysInChromium() throws Exception {
		// a contest of its own, so that its attempts leave the seeded one alone
		String slug = ContestFixtures.openContest(this.contests, "web-" + System.nanoTime() % 1_000_000,
				List.of("Quận Lê Chân", "Quận Ngô Quyền", "Huyện Thủy Nguyên"),
				List.of(new NewUnit("WEB-HTX", "Hợp tác xã Nông nghiệp An Lư", null, 120),
						new NewUnit("WEB-LM", "Liên minh Hợp tác xã thành phố", null, null)));
		// and one whose time runs out while the browser watches
		String timed = timedContest("web-timed-" + System.nanoTime() % 1_000_000, Duration.ofMinutes(1));
		// and one whose attempts are submitted by the server from their saves, once the
		// browser has gone (autosave.spec.ts)
		String autosave = timedContest("web-autosave-" + System.nanoTime() % 1_000_000, Duration.ofMinutes(1), 6);
		// and one whose round has closed, for the award committee
		String awards = closedContestWithPrizePlan("web-award-" + System.nanoTime() % 1_000_000);
		// and one that verifies phones, whose codes the log-only sender keeps for the
		// journey to read
		String phones = ContestFixtures.openContest(this.contests, "web-phone-" + System.nanoTime() % 1_000_000,
				List.of("Quận Lê Chân", "Quận Ngô Quyền"),
				List.of(new NewUnit("WEB-PH", "Hợp tác xã Dịch vụ Nông nghiệp Tiên Lãng", null, null)),
				PhoneVerification.REQUIRED);
		// and one whose attempts are reviewed right after submitting, and a closed one
		// whose answer key is published
		String review = reviewContest("web-review-" + System.nanoTime() % 1_000_000, ContestStatus.OPEN,
				ReviewPolicy.AFTER_SUBMISSION);
		String key = reviewContest("web-key-" + System.nanoTime() % 1_000_000, ContestStatus.CLOSED,
				ReviewPolicy.AFTER_CONTEST_CLOSES);
		// one whose round's winners are published, and one that issues certificates
		String results = finalizedContest("web-results-" + System.nanoTime() % 1_000_000);
		AttemptStarted certificate = certificateAttempt("web-cert-" + System.nanoTime() % 1_000_000);
		HttpServer codes = codes();
		Path frontend = Path.of("frontend").toAbsolutePath();
		Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
		Files.createDirectories(screenshots);
		// -Djourneys=a.spec.ts,b.spec.ts runs only those (while working on them)
		List<String> only = List.of(System.getProperty("journeys", "").split(","))
			.stream()
			.filter((spec) -> !spec.isBlank())
			.map((spec) -> "e2e/" + spec.strip())
			.toList();
		List<String> command = new java.util.ArrayList<>(
				List.of(frontend.resolve("node_modules/.bin/playwright").toString(), "test"));
		command.addAll(only);
		ProcessBuilder playwright = new ProcessBuilder(command).directory(frontend.toFile()).redirectErrorStream(true);
		Map<String, String> env = playwright.environment();
		env.put("BASE_URL", "http://localhost:" + this.port);
		env.put("CONTEST", slug);
		env.put("TIMED_CONTEST", timed);
		env.put("AWARD_CONTEST", awards);
		env.put("AUTOSAVE_CONTEST", autosave);
		env.put("PHONE_CONTEST", phones);
		env.put("REVIEW_CONTEST", review);
		env.put("KEY_CONTEST", key);
		env.put("RESULTS_CONTEST", results);
		env.put("CERTIFICATE_ATTEMPT", certificate.attemptId().toString());
		env.put("CERTIFICATE_TOKEN", certificate.token());
		env.put("PHONE_CODES_URL", "http://127.0.0.1:" + codes.getAddress().getPort() + "/code");
		env.put("ORGANIZER_PASSWORD", IntegrationTest.ORGANIZER_PASSWORD);
		env.put("COMMITTEE_PASSWORD", IntegrationTest.COMMITTEE_PASSWORD);
		env.put("ADMIN_PASSWORD", IntegrationTest.ADMIN_PASSWORD);
		env.put("GUIDE_IMAGES", GUIDE.resolve("images").toString());
		env.put("CHROMIUM", env.getOrDefault("CHROMIUM", "/usr/bin/chromium"));
		env.put("SCREENSHOTS", screenshots.toString());
		env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		assertThat(new File(env.get("CHROMIUM")).canExecute())
			.as("Chromium at " + env.get("CHROMIUM") + " (apt-get install chromium)")
			.isTrue();
		// file times have a second's grain on some file systems
		Instant started = Instant.now().minusSeconds(2);
		Process process;
		try {
			process = playwright.start();
		}
		catch (IOException ex) {
			codes.stop(0);
			throw ex;
		}
		// through System.out, so that the test report has Playwright's output
		Thread output = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				reader.lines().forEach((line) -> System.out.println("[playwright] " + line));
			}
			catch (IOException ex) {
				System.out.println("[playwright] output lost: " + ex);
			}
		}, "playwright-output");
		output.start();
		if (!process.waitFor(JOURNEYS_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError("Browser journeys did not finish in " + JOURNEYS_TIMEOUT_MINUTES + " minutes");
		}
		output.join(TimeUnit.SECONDS.toMillis(10));
		codes.stop(0);
		assertThat(process.exitValue()).as("Playwright exit code (its output is above)").isZero();
		if (only.isEmpty()) {
			assertGuidePicturesWrittenSince(started);
		}
	}

	/**
	 * The Vietnamese guide shows the pages as the journeys saw them: every picture it
	 * embeds was written by this run (a journey skipped, or a screenshot dropped, would
	 * leave an old one behind), and every picture in its folder is embedded.
	 */
	private static void assertGuidePicturesWrittenSince(Instant started) throws IOException {
		Set<String> embedded = new TreeSet<>();
		try (Stream<Path> pages = Files.list(GUIDE)) {
			for (Path page : pages.filter((path) -> path.toString().endsWith(".md")).toList()) {
				Matcher image = GUIDE_IMAGE.matcher(Files.readString(page));
				while (image.find()) {
					embedded.add(image.group(1));
				}
			}
		}
		assertThat(embedded).as("pictures embedded in " + GUIDE).isNotEmpty();
		for (String picture : embedded) {
			Path file = GUIDE.resolve(picture);
			assertThat(file).as(picture + ", written by a journey").exists();
			assertThat(Files.getLastModifiedTime(file).toInstant()).as(picture + " written by this run")
				.isAfterOrEqualTo(started);
		}
		try (Stream<Path> files = Files.list(GUIDE.resolve("images"))) {
			assertThat(files.map((file) -> "images/" + file.getFileName()).toList())
				.as("pictures in docs/vi/images, each shown by the guide")
				.isSubsetOf(embedded);
		}
	}

	/**
	 * {@code GET /code?phone=…} on 127.0.0.1: the latest code the log-only sender wrote
	 * for the phone, as the phone would show it to its owner.
	 */
	private HttpServer codes() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/code", (exchange) -> {
			String query = exchange.getRequestURI().getQuery();
			String phone = (query != null && query.startsWith("phone="))
					? URLDecoder.decode(query.substring("phone=".length()), StandardCharsets.UTF_8) : "";
			byte[] body = ((LogPhoneCodeSender) this.sender).lastCode(phone)
				.orElse("")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders((body.length > 0) ? 200 : 404, (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return server;
	}

}
