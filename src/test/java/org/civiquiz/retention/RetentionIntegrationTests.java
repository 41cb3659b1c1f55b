package org.civiquiz.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.test.StepVerifier;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.participant.PersonFixtures;
import org.civiquiz.participant.PersonFixtures.Person;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on a contest of its own: three people with distinctive data take exams, the
 * committee finalizes the round and the whole contest, and the lists are made to look
 * finalized long ago. Afterwards no trace of the people is left in PostgreSQL, the
 * figures are the same, and a second run changes nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RetentionIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private RetentionService retention;

	@Autowired
	private ConfigurableApplicationContext context;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = ContestFixtures.openContest(this.contests, "retention-" + contestNumber.incrementAndGet(),
				List.of("Quận Kiến An", "Huyện Tiên Lãng"), List.of(new NewUnit("R1", "Hợp tác xã Kiến An", null, 20),
						new NewUnit("R2", "Hợp tác xã Tiên Lãng", null, null)));
	}

	@Test
	void participantsOfAContestFinalizedLongAgoAreAnonymizedAndEveryFigureStays(CapturedOutput output) {
		List<Person> people = List.of(PersonFixtures.distinctive(), PersonFixtures.distinctive(),
				PersonFixtures.distinctive());
		as("organizer", IntegrationTest.ORGANIZER_PASSWORD).put()
			.uri("/api/admin/contests/{slug}/prize-plan", this.slug)
			.bodyValue(Map.of("round", List.of(tier("Giải Nhất", 1), tier("Giải Nhì", 1)), "contest",
					List.of(tier("Giải Đặc biệt", 1)), "unitsByParticipants", List.of(tier("Giải tập thể", 1))))
			.exchange()
			.expectStatus()
			.isOk();
		take(people.get(0), "R1", "Quận Kiến An", 20);
		take(people.get(0), "R1", "Quận Kiến An", 11);
		take(people.get(1), "R2", "Huyện Tiên Lãng", 18);
		UUID excluded = take(people.get(2), "R1", "Huyện Tiên Lãng", 19);
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, excluded)
			.bodyValue(Map.of("reason", "Nộp bài quá nhanh"))
			.exchange()
			.expectStatus()
			.isNoContent();
		// what the cheating signals keep per attempt
		execute("update attempt a set entered_name = p.full_name, device_hash = '\\x0102'"
				+ " from participant p where p.id = a.participant_id and a." + own());
		execute("update contest_round set closes_at = now() - interval '2 minutes' where " + own());
		execute("update contest set closes_at = now() - interval '1 minute' where slug = '" + this.slug + "'");
		committee().post()
			.uri("/api/admin/contests/{slug}/rounds/1/finalization", this.slug)
			.exchange()
			.expectStatus()
			.isCreated();
		committee().post()
			.uri("/api/admin/contests/{slug}/finalization", this.slug)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(dump()).contains(people.get(0).fullName(), people.get(0).email(), "+84" + people.get(1).nsn());
		// the live figures from PostgreSQL, as the reconciler would make them
		rebuild();
		Figures before = figures();
		String roundSha256 = winners("/rounds/1").get("sha256").toString();

		// the round's list is old, the contest's is not: not due yet
		execute("update award_list set finalized_at = now() - interval '400 days' where round_id is not null and "
				+ own());
		StepVerifier.create(this.retention.run(180, false).filter(this::mine)).verifyComplete();
		execute("update award_list set finalized_at = now() - interval '181 days' where " + own());

		// a dry run counts and changes nothing
		StepVerifier.create(this.retention.run(180, true).filter(this::mine))
			.expectNext(new ContestRetention(this.slug, 3, 4, 2, false))
			.verifyComplete();
		assertThat(dump()).contains(people.get(0).fullName());

		new RetentionRunner(this.retention, new RetentionProperties(180, true, false, false), this.context).run(null);
		assertThat(output.getAll()).contains("Retention: " + this.slug
				+ ": 3 participants anonymized, 4 attempts cleared of device data, 2 winners lists redacted, "
				+ "boards rebuilt");

		String dump = dump();
		for (Person person : people) {
			for (String secret : person.secrets()) {
				assertThat(dump).as("rows of the contest").doesNotContain(secret);
				assertThat(output.getAll()).as("the command's output").doesNotContain(secret);
			}
		}
		assertThat(rows("""
				select count(*) from participant where %s and full_name = 'Ẩn danh' and phone = 'anon:' || id
				    and email is null and national_id_hash is null and birth_year is null and anonymized_at is not null
				""".formatted(own()))).isEqualTo(3);
		assertThat(rows("select count(*) from attempt where " + own() + " and (client_ip_hash is not null"
				+ " or user_agent is not null or device_hash is not null or entered_name is not null"
				+ " or entered_unit_code is not null or entered_district is not null)"))
			.isZero();
		assertThat(rows("select count(*) from award_list where " + own()
				+ " and canonical is null and redacted_at is not null"))
			.isEqualTo(2);

		// every figure, live and exact, per round and for the contest, as before
		assertThat(figures()).isEqualTo(before);
		// the lists: JSON only, names gone, the hash of the list as frozen kept
		Map<String, Object> round = winners("/rounds/1");
		assertThat(round).containsEntry("sha256", roundSha256).containsKey("redactedAt");
		assertThat(round.get("winners").toString()).contains("fullName=Ẩn danh", "prize=Giải Nhì")
			.doesNotContain("phone");
		for (String format : List.of("csv", "xlsx")) {
			committee().get()
				.uri("/api/admin/contests/{slug}/rounds/1/winners?format={format}", this.slug, format)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.GONE)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("AWARD_LIST_REDACTED");
		}

		// nothing more to do: a second run changes nothing
		StepVerifier.create(this.retention.run(180, false).filter(this::mine))
			.expectNext(new ContestRetention(this.slug, 0, 0, 0, false))
			.verifyComplete();
		assertThat(figures()).isEqualTo(before);
	}

	private boolean mine(ContestRetention done) {
		return done.contest().equals(this.slug);
	}

	/**
	 * A person takes an exam with the given score; the start comes from a browser with a
	 * user agent, over an address the server hashes.
	 */
	private UUID take(Person person, String unit, String district, int score) {
		AttemptStarted attempt = this.client.post()
			.uri("/api/contests/{slug}/attempts", this.slug)
			.header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (Linux; Android 14) RetentionTest")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(person.registration(unit, district))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, this.bank, score, 20 - score, 2L))
			.expectStatus()
			.isOk();
		return attempt.attemptId();
	}

	/**
	 * The figures a test compares: live and exact, for the contest and its round, and the
	 * public boards without their names.
	 */
	private Figures figures() {
		List<Map<String, Object>> stats = new ArrayList<>();
		for (String query : List.of("", "?round=1", "?exact=true", "?exact=true&round=1")) {
			Map<String, Object> figures = as("organizer", IntegrationTest.ORGANIZER_PASSWORD).get()
				.uri("/api/admin/contests/" + this.slug + "/stats" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
			figures.remove("computedAt");
			stats.add(figures);
		}
		List<String> boards = new ArrayList<>();
		for (String query : List.of("", "round=1", "unit=R1", "district=Huyện Tiên Lãng")) {
			boards.add(this.client.get()
				.uri("/api/contests/" + this.slug + "/leaderboard?" + query)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()
				.replaceAll("\"name\":\"[^\"]*\"", "\"name\":\"…\""));
		}
		return new Figures(stats, boards);
	}

	private Map<String, Object> winners(String scope) {
		return committee().get()
			.uri("/api/admin/contests/" + this.slug + scope + "/winners")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private void rebuild() {
		as("organizer", IntegrationTest.ORGANIZER_PASSWORD).post()
			.uri("/api/admin/contests/{slug}/rebuild", this.slug)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Every row PostgreSQL keeps about the contest's people, as text. */
	private String dump() {
		StringBuilder text = new StringBuilder();
		for (String table : List.of("participant", "attempt", "award_list", "award_log", "award_exclusion")) {
			this.database.sql("select cast(row_to_json(t) as text) as row from " + table + " t where t." + own())
				.map((row, meta) -> row.get("row", String.class))
				.all()
				.doOnNext((row) -> text.append(row).append('\n'))
				.blockLast();
		}
		return text.toString();
	}

	private long rows(String sql) {
		return this.database.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
	}

	private void execute(String sql) {
		this.database.sql(sql).fetch().rowsUpdated().block();
	}

	private String own() {
		return "contest_id = (select id from contest where slug = '" + this.slug + "')";
	}

	private WebTestClient committee() {
		return as("committee", IntegrationTest.COMMITTEE_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

	private static Map<String, Object> tier(String name, int count) {
		return Map.of("name", name, "count", count);
	}

	/** Figures and boards (names left out). */
	private record Figures(List<Map<String, Object>> stats, List<String> boards) {
	}

}
