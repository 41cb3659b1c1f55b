package org.civiquiz.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestFixtures;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewUnit;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.exam.AttemptStarted;
import org.civiquiz.exam.ExamFixtures;
import org.civiquiz.participant.verification.PhoneCodeFixtures;
import org.civiquiz.participant.verification.PhoneCodeSender;
import org.civiquiz.platform.KeyedHasher;
import org.civiquiz.question.BankQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each cheating signal made through the exam API (figures adjusted in PostgreSQL where
 * time matters), with its evidence, and what stays unflagged next to it; each test on a
 * contest of its own.
 */
@IntegrationTest
class IntegrityIntegrationTests {

	private static final AtomicInteger contestNumber = new AtomicInteger();

	private static final String DISTRICT = "Quận Hồng Bàng";

	private static final String OTHER_DISTRICT = "Huyện Thủy Nguyên";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private KeyedHasher hasher;

	@Autowired
	private PhoneCodeSender sender;

	private Map<Long, BankQuestion> bank;

	private String slug;

	@BeforeEach
	void newContest() {
		this.bank = ExamFixtures.bank(this.client);
		this.slug = contest();
	}

	@Test
	void aHighScoreFasterThanAnyoneCanReadIsFlaggedWithItsFigures() {
		UUID fast = submitted(ExamFixtures.newPhone(), "Trần Thị Bình", 20, 0, 45_000);
		// 15 of 20 is the least score that matters; 59.999 s is under 3 s a question
		UUID boundary = submitted(ExamFixtures.newPhone(), "Phạm Thị Dung", 15, 5, 59_999);
		// 60 s is plausible; a fast 14 wins nothing; an open attempt has no duration
		submitted(ExamFixtures.newPhone(), "Lê Hoàng Cường", 20, 0, 60_000);
		submitted(ExamFixtures.newPhone(), "Hoàng Văn Em", 14, 6, 10_000);
		start(ExamFixtures.newPhone(), "Vũ Thị Phương", null);

		Report report = report("");
		assertThat(report.contest()).isEqualTo(this.slug);
		assertThat(report.round()).isNull();
		assertThat(report.summary()).containsExactly(Map.entry("TOO_FAST", 2), Map.entry("IDENTICAL_ANSWERS", 0),
				Map.entry("SHARED_NETWORK", 0), Map.entry("SHARED_DEVICE", 0), Map.entry("PHONE_MANY_NAMES", 0),
				Map.entry("PHONE_DETAILS_CHANGED", 0));
		assertThat(report.flaggedAttempts()).isEqualTo(2);
		assertThat(report.flags()).extracting(Flag::attemptId).containsExactlyInAnyOrder(fast, boundary);
		Flag flag = flag(report, "TOO_FAST", fast);
		assertThat(flag.maskedName()).isEqualTo("Trần T. B.");
		assertThat(flag.roundNumber()).isEqualTo(1);
		assertThat(flag.score()).isEqualTo(20);
		assertThat(flag.excluded()).isFalse();
		assertThat(flag.evidence()).containsExactlyInAnyOrderEntriesOf(
				Map.of("durationMs", 45_000, "thresholdMs", 60_000, "questions", 20, "score", 20, "minScore", 15));
		assertThat(flag(report, "TOO_FAST", boundary).evidence()).containsEntry("durationMs", 59_999)
			.containsEntry("score", 15);

		// the committee excludes it: the flag stays, marked
		committee().put()
			.uri("/api/admin/contests/{slug}/exclusions/{id}", this.slug, fast)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Nộp 20 câu trong 45 giây"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(flag(report(""), "TOO_FAST", fast).excluded()).isTrue();

		// a second round: each round lists its own attempts
		execute("update contest_round set closes_at = now() - interval '10 minutes' where number = 1 and " + own());
		execute("insert into contest_round (contest_id, number, name, opens_at, closes_at)"
				+ " select id, 2, 'Tuần 2', now() - interval '10 minutes', now() + interval '1 day' from contest"
				+ " where slug = '" + this.slug + "'");
		UUID later = submitted(ExamFixtures.newPhone(), "Đỗ Đức Đạt", 19, 1, 30_000);
		Report first = report("?round=1");
		assertThat(first.round()).isEqualTo(1);
		assertThat(first.flags()).extracting(Flag::attemptId).containsExactlyInAnyOrder(fast, boundary);
		Report second = report("?round=2");
		assertThat(second.flags()).extracting(Flag::attemptId).containsExactly(later);
		assertThat(second.flags().get(0).roundNumber()).isEqualTo(2);
		assertThat(second.flags().get(0).maskedName()).isEqualTo("Đỗ Đ. Đ.");
		assertThat(report("").flags()).hasSize(3);
	}

	@Test
	void oneSequenceOfChosenPositionsFromThreeParticipantsIsFlagged() {
		// the positions shown (A first), not the options' ids: each attempt has its own
		// questions and shuffles
		String shared = "ABCD-BCDA-CDAB-DABC-";
		List<UUID> copies = List.of(positions(ExamFixtures.newPhone(), shared),
				positions(ExamFixtures.newPhone(), shared), positions(ExamFixtures.newPhone(), shared));
		// one answer apart; a sequence of two participants; three sequences of blanks
		positions(ExamFixtures.newPhone(), "ABCD-BCDA-CDAB-DABCA");
		String pair = "B".repeat(20);
		positions(ExamFixtures.newPhone(), pair);
		positions(ExamFixtures.newPhone(), pair);
		for (int i = 0; i < 3; i++) {
			positions(ExamFixtures.newPhone(), "-".repeat(20));
		}

		Report report = report("");
		assertThat(report.summary()).containsEntry("IDENTICAL_ANSWERS", 3);
		List<Flag> flags = flags(report, "IDENTICAL_ANSWERS");
		assertThat(flags).extracting(Flag::attemptId).containsExactlyInAnyOrderElementsOf(copies);
		for (Flag flag : flags) {
			assertThat(flag.evidence()).containsEntry("sequence", shared)
				.containsEntry("participants", 3)
				.containsEntry("attempts", 3);
			List<String> others = copies.stream()
				.filter((id) -> !id.equals(flag.attemptId()))
				.map(UUID::toString)
				.toList();
			assertThat(flag.evidence().get("otherAttemptIds")).asInstanceOf(InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrderElementsOf(others);
		}
	}

	@Test
	void thirtyParticipantsFromOneNetworkInTenMinutesAreFlaggedAndASchoolRoomOfFiveIsNot() {
		List<UUID> submitted = new ArrayList<>();
		String again = null;
		for (int i = 0; i < 30; i++) {
			String phone = ExamFixtures.newPhone();
			submitted.add(submitted(phone, "Người Thứ " + (char) ('A' + i % 26) + i, 0, 0, 90_000));
			again = phone;
		}
		// a second, unsubmitted, attempt of one of them: counted, but cannot win
		start(again, "Người Cuối", null);

		Report report = report("");
		List<Flag> flags = flags(report, "SHARED_NETWORK");
		assertThat(flags).extracting(Flag::attemptId).containsExactlyInAnyOrderElementsOf(submitted);
		String hash = this.database
			.sql("select distinct encode(client_ip_hash, 'hex') as hash from attempt where " + own())
			.map((row, meta) -> row.get("hash", String.class))
			.one()
			.block();
		String first = instant("min(started_at)");
		String last = instant("max(started_at)");
		for (Flag flag : flags) {
			assertThat(flag.evidence()).containsEntry("label", hash.substring(0, 8))
				.containsEntry("participants", 30)
				.containsEntry("attempts", 31)
				.containsEntry("threshold", 30)
				.containsEntry("windowSeconds", 600);
			assertThat(Instant.parse((String) flag.evidence().get("from"))).isEqualTo(Instant.parse(first));
			assertThat(Instant.parse((String) flag.evidence().get("to"))).isEqualTo(Instant.parse(last));
		}
		// never the address itself
		String body = committee().get()
			.uri("/api/admin/contests/{slug}/integrity-flags", this.slug)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("127.0.0.1").doesNotContain("0:0:0:0").doesNotContain(hash);

		// the same starts a minute apart: no ten minutes hold thirty of them
		execute("""
				update attempt a set started_at = now() - make_interval(mins => cast(s.n as int))
				from (select id, row_number() over (order by started_at, id) as n from attempt where %s) s
				where a.id = s.id""".formatted(own()));
		assertThat(flags(report(""), "SHARED_NETWORK")).isEmpty();

		// a school's computer room of five, at once
		this.slug = contest();
		for (int i = 0; i < 5; i++) {
			submitted(ExamFixtures.newPhone(), "Học Sinh Số " + (char) ('A' + i), 0, 0, 90_000);
		}
		assertThat(report("").summary()).containsEntry("SHARED_NETWORK", 0);
	}

	@Test
	void threeParticipantsFromOneBrowserInAnHourAreFlagged() {
		String device = "dev-" + UUID.randomUUID();
		List<UUID> shared = new ArrayList<>();
		for (String name : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường")) {
			AttemptStarted started = start(ExamFixtures.newPhone(), name, device);
			submit(started, 0, 0);
			shared.add(started.attemptId());
		}
		// another browser used by two; ids that are no device id are ignored, not refused
		String pair = UUID.randomUUID().toString();
		submit(start(ExamFixtures.newPhone(), "Phạm Thị Dung", pair), 0, 0);
		submit(start(ExamFixtures.newPhone(), "Hoàng Văn Em", pair), 0, 0);
		AttemptStarted odd = start(ExamFixtures.newPhone(), "Vũ Thị Phương", "not a device id!");
		AttemptStarted longer = start(ExamFixtures.newPhone(), "Đỗ Đức Đạt", "a".repeat(65));

		String label = HexFormat.of().formatHex(this.hasher.hash("device-id", device)).substring(0, 8);
		Report report = report("");
		List<Flag> flags = flags(report, "SHARED_DEVICE");
		assertThat(flags).extracting(Flag::attemptId).containsExactlyInAnyOrderElementsOf(shared);
		for (Flag flag : flags) {
			assertThat(flag.evidence()).containsEntry("label", label)
				.containsEntry("participants", 3)
				.containsEntry("attempts", 3)
				.containsEntry("threshold", 3)
				.containsEntry("windowSeconds", 3600);
		}
		assertThat(report.summary()).containsEntry("SHARED_NETWORK", 0);
		assertThat(deviceHash(shared.get(0))).isEqualTo(this.hasher.hash("device-id", device));
		assertThat(deviceHash(odd.attemptId())).isNull();
		assertThat(deviceHash(longer.attemptId())).isNull();

		// an hour and more between the first and the others: no hour holds three
		execute("update attempt set started_at = started_at - interval '61 minutes' where id = '" + shared.get(0)
				+ "'");
		assertThat(flags(report(""), "SHARED_DEVICE")).isEmpty();
	}

	@Test
	void aPhoneUsedWithThreeNamesIsFlaggedWithTheNamesButTheSameNameTypedThreeWaysIsNot() {
		String phone = ExamFixtures.newPhone();
		List<UUID> attempts = new ArrayList<>();
		for (String name : List.of("Nguyễn Văn An", "  Trần   Thị Bình ", "Lê Văn Cường")) {
			attempts.add(submitted(phone, name, 0, 0, 90_000));
		}
		String same = ExamFixtures.newPhone();
		for (String name : List.of("Nguyễn Văn Anh", "NGUYEN VAN ANH", "nguyễn văn anh.")) {
			submitted(same, name, 0, 0, 90_000);
		}
		String two = ExamFixtures.newPhone();
		for (String name : List.of("Phạm Thị Dung", "Phạm Thị Hoa")) {
			submitted(two, name, 0, 0, 90_000);
		}

		Report report = report("");
		List<Flag> flags = flags(report, "PHONE_MANY_NAMES");
		assertThat(flags).extracting(Flag::attemptId).containsExactlyInAnyOrderElementsOf(attempts);
		List<Map<String, Object>> names = List.of(Map.of("name", "Nguyễn Văn An", "attempts", 1),
				Map.of("name", "Trần Thị Bình", "attempts", 1), Map.of("name", "Lê Văn Cường", "attempts", 1));
		List<String> entered = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
		for (Flag flag : flags) {
			// a returning participant keeps the name of their first registration
			assertThat(flag.maskedName()).isEqualTo("Nguyễn V. A.");
			assertThat(flag.evidence()).containsEntry("names", names)
				.containsEntry("threshold", 3)
				.containsEntry("enteredName", entered.get(attempts.indexOf(flag.attemptId())));
		}
		assertThat(report.summary()).containsEntry("PHONE_MANY_NAMES", 3);
	}

	@Test
	void aReturningPhoneWithOtherDetailsIsAcceptedAndFlaggedWithBothEntries() {
		this.slug = ContestFixtures.openContest(this.contests, "integrity-" + contestNumber.incrementAndGet(),
				List.of(DISTRICT, OTHER_DISTRICT),
				List.of(new NewUnit("I1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, null),
						new NewUnit("I2", "Liên minh Hợp tác xã thành phố", null, null)));
		String victim = ExamFixtures.newPhone();
		// someone registers the victim's phone first
		Instant before = Instant.now();
		UUID first = submitted(start(victim, "Trần Văn Mạo", "I2", OTHER_DISTRICT, null), 5);
		// the victim comes later with their own details: taken, under the first
		// registration
		UUID later = submitted(start(victim, "Nguyễn Thị Hồng", "I1", DISTRICT, null), 20);
		// the first details typed otherwise are no change
		UUID same = submitted(start(victim, "TRAN VAN MAO", "I2", OTHER_DISTRICT, null), 10);
		UUID other = submitted(start(ExamFixtures.newPhone(), "Lê Văn Cường", "I1", DISTRICT, null), 10);

		Report report = report("");
		List<Flag> flags = flags(report, "PHONE_DETAILS_CHANGED");
		assertThat(flags).extracting(Flag::attemptId).containsExactly(later).doesNotContain(first, same, other);
		Flag flag = flags.get(0);
		// what boards and winners lists show for it: the first registration's name
		assertThat(flag.maskedName()).isEqualTo("Trần V. M.");
		assertThat(flag.score()).isEqualTo(20);
		assertThat(flag.evidence())
			.containsEntry("registered",
					Map.of("fullName", "Trần Văn Mạo", "unitCode", "I2", "district", OTHER_DISTRICT))
			.containsEntry("entered", Map.of("fullName", "Nguyễn Thị Hồng", "unitCode", "I1", "district", DISTRICT))
			.containsEntry("phoneVerified", false);
		assertThat(Instant.parse((String) flag.evidence().get("registeredAt"))).isBetween(before.minusSeconds(5),
				Instant.now());
		assertThat(report.summary()).containsEntry("PHONE_DETAILS_CHANGED", 1);
	}

	@Test
	void aVerifiedPhoneThatChangesItsUnitIsFlaggedAsVerified() {
		this.slug = ContestFixtures
			.openContest(this.contests, "integrity-" + contestNumber.incrementAndGet(), List.of(DISTRICT),
					List.of(new NewUnit("I1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, null),
							new NewUnit("I2", "Liên minh Hợp tác xã thành phố", null, null)),
					PhoneVerification.REQUIRED);
		String phone = ExamFixtures.newPhone();
		String token = PhoneCodeFixtures.phoneToken(this.client, this.sender, this.slug, phone);
		submitted(start(phone, "Phạm Thị Dung", "I1", DISTRICT, token), 12);
		UUID moved = submitted(start(phone, "Phạm Thị Dung", "I2", DISTRICT, token), 14);

		Flag flag = flag(report(""), "PHONE_DETAILS_CHANGED", moved);
		assertThat(flag.evidence())
			.containsEntry("entered", Map.of("fullName", "Phạm Thị Dung", "unitCode", "I2", "district", DISTRICT))
			.containsEntry("phoneVerified", true);
	}

	@Test
	void onlyTheCommitteeAndTheAdminSeeTheFlags() {
		String path = "/api/admin/contests/" + this.slug + "/integrity-flags";
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHORIZED");
		as("organizer", IntegrationTest.ORGANIZER_PASSWORD).get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		as("admin", IntegrationTest.ADMIN_PASSWORD).get().uri(path).exchange().expectStatus().isOk();
		committee().get().uri(path).exchange().expectStatus().isOk();
	}

	@Test
	void anUnknownContestOrRoundIsAProblemWithItsCode() {
		committee().get()
			.uri("/api/admin/contests/{slug}/integrity-flags?round=2", this.slug)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ROUND_NOT_FOUND");
		committee().get()
			.uri("/api/admin/contests/no-such-contest/integrity-flags")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_NOT_FOUND");
		committee().get()
			.uri("/api/admin/contests/{slug}/integrity-flags?round=one", this.slug)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
	}

	private String contest() {
		return ContestFixtures.openContest(this.contests, "integrity-" + contestNumber.incrementAndGet(),
				List.of(DISTRICT), List.of(new NewUnit("I1", "Hợp tác xã Nông nghiệp Đồng Tâm", null, null)));
	}

	private AttemptStarted start(String phone, String name, String unit, String district, String phoneToken) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("fullName", name);
		registration.put("unitCode", unit);
		registration.put("district", district);
		if (phoneToken != null) {
			registration.put("phoneToken", phoneToken);
		}
		return ExamFixtures.start(this.client, this.slug, registration)
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
	}

	/** The attempt submitted with {@code correct} answers right and the rest wrong. */
	private UUID submitted(AttemptStarted started, int correct) {
		submit(started, correct, started.questions().size() - correct);
		return started.attemptId();
	}

	private AttemptStarted start(String phone, String name, String deviceId) {
		Map<String, Object> registration = ExamFixtures.registration(phone);
		registration.put("fullName", name);
		registration.put("unitCode", "I1");
		registration.put("district", DISTRICT);
		return this.client.post().uri("/api/contests/{slug}/attempts", this.slug).headers((headers) -> {
			if (deviceId != null) {
				headers.set("X-Device-Id", deviceId);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(AttemptStarted.class)
			.returnResult()
			.getResponseBody();
	}

	private void submit(AttemptStarted started, int correct, int wrong) {
		ExamFixtures.submit(this.client, started, ExamFixtures.answers(started, this.bank, correct, wrong, 1L))
			.expectStatus()
			.isOk();
	}

	/** An attempt submitted with {@code correct} answers right, then given a duration. */
	private UUID submitted(String phone, String name, int correct, int wrong, int durationMs) {
		AttemptStarted started = start(phone, name, null);
		submit(started, correct, wrong);
		this.database.sql("update attempt set duration_ms = :duration where id = :id")
			.bind("duration", durationMs)
			.bind("id", started.attemptId())
			.fetch()
			.rowsUpdated()
			.block();
		return started.attemptId();
	}

	/**
	 * An attempt submitted choosing, for each question, the option shown at the
	 * sequence's letter (A first), none for {@code -}.
	 */
	private UUID positions(String phone, String sequence) {
		AttemptStarted started = start(phone, "Người Dự Thi", null);
		List<Map<String, Object>> answers = new ArrayList<>();
		for (int i = 0; i < sequence.length(); i++) {
			char position = sequence.charAt(i);
			if (position != '-') {
				AttemptStarted.ExamQuestion question = started.questions().get(i);
				answers
					.add(Map.of("questionId", question.id(), "optionId", question.options().get(position - 'A').id()));
			}
		}
		ExamFixtures.submit(this.client, started, Map.of("answers", answers)).expectStatus().isOk();
		return started.attemptId();
	}

	private Report report(String query) {
		return committee().get()
			.uri("/api/admin/contests/" + this.slug + "/integrity-flags" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<Flag> flags(Report report, String kind) {
		return report.flags().stream().filter((flag) -> flag.kind().equals(kind)).toList();
	}

	private static Flag flag(Report report, String kind, UUID attempt) {
		return flags(report, kind).stream()
			.filter((flag) -> flag.attemptId().equals(attempt))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " flag on " + attempt + " in " + report));
	}

	private byte[] deviceHash(UUID attempt) {
		return this.database.sql("select device_hash from attempt where id = :id")
			.bind("id", attempt)
			.map((row, meta) -> Optional.ofNullable(row.get("device_hash", byte[].class)))
			.one()
			.block()
			.orElse(null);
	}

	private String instant(String aggregate) {
		return this.database
			.sql("select to_char(" + aggregate + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as at"
					+ " from attempt where " + own())
			.map((row, meta) -> row.get("at", String.class))
			.one()
			.block();
	}

	private String own() {
		return "contest_id = (select id from contest where slug = '" + this.slug + "')";
	}

	private void execute(String sql) {
		this.database.sql(sql).fetch().rowsUpdated().block();
	}

	private WebTestClient committee() {
		return as("committee", IntegrationTest.COMMITTEE_PASSWORD);
	}

	private WebTestClient as(String user, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(user, password)).build();
	}

	record Report(String contest, Integer round, Map<String, Integer> summary, int flaggedAttempts, List<Flag> flags) {
	}

	record Flag(String kind, UUID attemptId, long participantId, String maskedName, int roundNumber, int score,
			boolean excluded, Map<String, Object> evidence) {
	}

}
