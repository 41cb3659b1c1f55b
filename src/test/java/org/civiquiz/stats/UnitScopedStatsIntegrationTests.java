package org.civiquiz.stats;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.question.BankQuestion;
import org.civiquiz.security.Role;
import org.civiquiz.security.StaffFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit-scoped account's figures are those of a contest that holds only its units'
 * attempts: the same attempts, copied into a contest of those units alone, give the same
 * figures to an account that sees the whole of that contest.
 */
@IntegrationTest
class UnitScopedStatsIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private JsonMapper json;

	@Test
	void aUnitScopedAccountsFiguresAreThoseOfAContestOfItsUnitsAlone() {
		Map<Long, BankQuestion> bank = ExamFixtures.bank(this.client);
		String whole = ContestFixtures.openContest(this.contests, "ca-tinh-" + System.nanoTime() % 1_000_000,
				List.of("D1", "D2"), List.of(new NewUnit("P", "Sở Tư pháp", null, 40),
						new NewUnit("P1", "Phòng Phổ biến", "P", 10), new NewUnit("Q", "Sở Nội vụ", null, 30)));
		String unitsAlone = ContestFixtures.openContest(this.contests, "chi-so-" + System.nanoTime() % 1_000_000,
				List.of("D1", "D2"),
				List.of(new NewUnit("P", "Sở Tư pháp", null, 40), new NewUnit("P1", "Phòng Phổ biến", "P", 10)));
		String twice = ExamFixtures.newPhone();
		submit(start(whole, twice, "P", "D1", Duration.ofMinutes(5)), bank, 20);
		submit(start(whole, twice, "P", "D1", Duration.ofMinutes(3)), bank, 16);
		submit(start(whole, ExamFixtures.newPhone(), "P1", "D2", Duration.ofMinutes(10)), bank, 15);
		submit(start(whole, ExamFixtures.newPhone(), "P1", "D1", Duration.ofMinutes(7)), bank, 11);
		start(whole, ExamFixtures.newPhone(), "P1", "D2", Duration.ofMinutes(1));
		submit(start(whole, ExamFixtures.newPhone(), "Q", "D1", Duration.ofMinutes(2)), bank, 9);
		submit(start(whole, ExamFixtures.newPhone(), "Q", "D2", Duration.ofMinutes(4)), bank, 19);
		start(whole, ExamFixtures.newPhone(), "Q", "D2", Duration.ofMinutes(1));
		copyUnitsAttempts(whole, unitsAlone);
		String scoped = StaffFixtures.account(this.client, "so-tu-phap", Role.ORGANIZER,
				StaffFixtures.scope(Map.of(whole, List.of("P"))));

		ContestStats expected = stats(unitsAlone, "organizer", IntegrationTest.ORGANIZER_PASSWORD, true);
		assertThat(expected.attemptsStarted()).isEqualTo(5);
		assertThat(expected.participants()).isEqualTo(4);
		for (boolean exact : List.of(true, false)) {
			ContestStats figures = stats(whole, scoped, StaffFixtures.PASSWORD, exact);
			assertThat(figures).usingRecursiveComparison().ignoringFields("contest", "computedAt").isEqualTo(expected);
		}
		ContestStats contest = stats(whole, "organizer", IntegrationTest.ORGANIZER_PASSWORD, true);
		assertThat(contest.attemptsStarted()).isEqualTo(8);
		assertThat(contest.units()).extracting(ContestStats.UnitFigures::code).containsExactly("P", "P1", "Q");

		// the stream: the same figures, the units' own table
		List<ServerSentEvent<String>> first = this.client.get()
			.uri("/api/admin/contests/{slug}/stats/stream", whole)
			.headers((headers) -> headers.setBasicAuth(scoped, StaffFixtures.PASSWORD))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.event() != null)
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(first).extracting(ServerSentEvent::event).containsExactly("stats", "tables");
		JsonNode counters = this.json.readTree(first.get(0).data());
		assertThat(counters.get("attemptsStarted").asLong()).isEqualTo(5);
		assertThat(counters.get("attemptsSubmitted").asLong()).isEqualTo(expected.attemptsSubmitted());
		assertThat(counters.get("attempts").get("mean").asDouble()).isEqualTo(expected.attempts().mean());
		JsonNode units = this.json.readTree(first.get(1).data()).get("units");
		assertThat(units).extracting((unit) -> unit.get("code").asString()).containsExactly("P", "P1");
	}

	private ContestStats stats(String slug, String username, String password, boolean exact) {
		return this.client.get()
			.uri("/api/admin/contests/{slug}/stats?exact={exact}", slug, exact)
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ContestStats.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Copies the participants of the units the target contest has (by code), with their
	 * attempts as they are, into the target contest.
	 */
	private void copyUnitsAttempts(String from, String to) {
		long source = this.contests.settings(from).block().id();
		long target = this.contests.settings(to).block().id();
		this.database
			.sql("""
					with copied as (
					    insert into participant (contest_id, full_name, phone, email, national_id_hash, unit_id, district,
					                             birth_year, consent_at, created_at, consent_text_id)
					    select :target, p.full_name, p.phone, p.email, p.national_id_hash, ut.id, p.district, p.birth_year,
					           p.consent_at, p.created_at, p.consent_text_id
					    from participant p join unit us on us.id = p.unit_id
					    join unit ut on ut.contest_id = :target and ut.code = us.code
					    where p.contest_id = :source
					    returning id, phone)
					insert into attempt (id, contest_id, round_id, participant_id, token_hash, question_ids, option_orders,
					                     started_at, deadline, status, submitted_at, answers, prediction, score, duration_ms,
					                     client_ip_hash, user_agent, device_hash, entered_name, entered_unit_code,
					                     entered_district, phone_verified)
					select gen_random_uuid(), :target, rt.id, c.id, a.token_hash, a.question_ids, a.option_orders,
					       a.started_at, a.deadline, a.status, a.submitted_at, a.answers, a.prediction, a.score, a.duration_ms,
					       a.client_ip_hash, a.user_agent, a.device_hash, a.entered_name, a.entered_unit_code,
					       a.entered_district, a.phone_verified
					from attempt a join participant p on p.id = a.participant_id
					join copied c on c.phone = p.phone
					join contest_round rs on rs.id = a.round_id
					join contest_round rt on rt.contest_id = :target and rt.number = rs.number
					where a.contest_id = :source
					""")
			.bind("source", source)
			.bind("target", target)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private AttemptStarted start(String slug, String phone, String unit, String district, Duration ago) {
		Map<String, Object> registration = new HashMap<>(ExamFixtures.registration(phone));
		registration.put("unitCode", unit);
		registration.put("district", district);
		AttemptStarted attempt = ExamFixtures.started(ExamFixtures.start(this.client, slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		ExamFixtures.backdate(this.database, attempt, ago);
		return attempt;
	}

	private void submit(AttemptStarted attempt, Map<Long, BankQuestion> bank, int correct) {
		ExamFixtures.submit(this.client, attempt, ExamFixtures.answers(attempt, bank, correct, 20 - correct, 1L))
			.expectStatus()
			.isOk();
	}

}
