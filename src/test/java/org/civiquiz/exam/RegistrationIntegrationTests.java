package org.civiquiz.exam;

import java.util.Map;

import org.civiquiz.IntegrationTest;
import org.civiquiz.platform.KeyedHasher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civiquiz.exam.ExamFixtures.newPhone;
import static org.civiquiz.exam.ExamFixtures.registration;
import static org.civiquiz.exam.ExamFixtures.start;
import static org.civiquiz.exam.ExamFixtures.started;
import static org.civiquiz.exam.ExamIntegrationTests.expectProblem;

/**
 * Registration at the start of an attempt: every field checked, messages a citizen can
 * act on, nothing written when refused.
 */
@IntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private KeyedHasher hasher;

	@Test
	void everyBadFieldIsListedInVietnameseAndNothingIsWritten() {
		long participants = participants();
		Map<String, Object> body = Map.of("fullName", "  ", "phone", "12345", "unitCode", "NOPE", "district",
				"Quận Không Có", "birthYear", 1850, "email", "not-an-email", "nationalId", "12AB", "consent", false);
		expectProblem(start(this.client, body), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED")
			.jsonPath("$.errors[?(@.field == 'fullName')].code")
			.isEqualTo("FIELD_REQUIRED")
			.jsonPath("$.errors[?(@.field == 'phone')].code")
			.isEqualTo("PHONE_INVALID")
			.jsonPath("$.errors[?(@.field == 'phone')].message")
			.isEqualTo("Số điện thoại không hợp lệ. Nhập số di động hoặc cố định Việt Nam, ví dụ 0912 345 678.")
			.jsonPath("$.errors[?(@.field == 'unitCode')].code")
			.isEqualTo("UNIT_UNKNOWN")
			.jsonPath("$.errors[?(@.field == 'district')].code")
			.isEqualTo("DISTRICT_UNKNOWN")
			.jsonPath("$.errors[?(@.field == 'birthYear')].code")
			.isEqualTo("BIRTH_YEAR_INVALID")
			.jsonPath("$.errors[?(@.field == 'email')].code")
			.isEqualTo("EMAIL_INVALID")
			.jsonPath("$.errors[?(@.field == 'nationalId')].code")
			.isEqualTo("NATIONAL_ID_INVALID")
			.jsonPath("$.errors[?(@.field == 'consent')].code")
			.isEqualTo("CONSENT_REQUIRED")
			.jsonPath("$.title")
			.isEqualTo("Thông tin chưa hợp lệ");
		assertThat(participants()).isEqualTo(participants);
	}

	@Test
	void englishOnRequest() {
		Map<String, Object> body = registration("12345");
		expectProblem(this.client.post()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.header("Accept-Language", "en-US,en;q=0.9")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED").jsonPath("$.title")
			.isEqualTo("Invalid input")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Not a valid phone number. Enter a Vietnamese mobile or landline number, e.g. 0912 345 678.");
	}

	@Test
	void missingFieldsAreRequiredNotServerErrors() {
		expectProblem(start(this.client, Map.of()), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED")
			.jsonPath("$.errors.length()")
			.isEqualTo(6);
		expectProblem(this.client.post()
			.uri("/api/contests/{slug}/attempts", IntegrationTest.CONTEST)
			.contentType(MediaType.APPLICATION_JSON)
			.exchange(), HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
	}

	@Test
	void anUnknownContestIsNotFound() {
		expectProblem(this.client.post()
			.uri("/api/contests/{slug}/attempts", "no-such-contest")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration(newPhone()))
			.exchange(), HttpStatus.NOT_FOUND, "CONTEST_NOT_FOUND");
	}

	@Test
	void aReturningPersonInAnotherNotationIsTheSameParticipantAndKeepsTheFirstDetails() {
		String phone = newPhone();
		AttemptStarted first = started(this.client, phone);
		ExamFixtures.submit(this.client, first, Map.of("answers", java.util.List.of())).expectStatus().isOk();
		Map<String, Object> again = new java.util.HashMap<>(
				registration("+84 " + phone.substring(1, 4) + "-" + phone.substring(4)));
		again.put("fullName", "Người Khác");
		start(this.client, again).expectStatus().isCreated();
		Map<String, Object> row = this.database
			.sql("select count(*) over () as people, full_name from participant where phone = :phone")
			.bind("phone", "+84" + phone.substring(1))
			.fetch()
			.one()
			.block();
		assertThat(row).containsEntry("people", 1L).containsEntry("full_name", "Nguyễn Thị Hồng Nhung");
	}

	@Test
	void namesAreStoredNormalizedAndTheNationalIdOnlyAsAKeyedHash() {
		String phone = newPhone();
		Map<String, Object> body = new java.util.HashMap<>(registration(phone));
		// decomposed diacritics (as some phone keyboards send them), stray spaces and
		// no-break, em and ideographic spaces (which defeated the masking of public
		// names)
		body.put("fullName", "  Tra\u0302\u0300n \u00a0 Va\u0306n\u2003Bi\u0300nh\u3000");
		body.put("nationalId", "031204005678");
		start(this.client, body).expectStatus().isCreated();
		Map<String, Object> stored = this.database
			.sql("select full_name, national_id_hash from participant where phone = :phone")
			.bind("phone", "+84" + phone.substring(1))
			.fetch()
			.one()
			.block();
		assertThat(stored.get("full_name")).isEqualTo("Trần Văn Bình");
		java.nio.ByteBuffer hash = (java.nio.ByteBuffer) stored.get("national_id_hash");
		byte[] bytes = new byte[hash.remaining()];
		hash.get(bytes);
		assertThat(bytes).isEqualTo(this.hasher.hash("national-id", "031204005678"));
		assertThat(count(
				"select count(*) from participant where national_id_hash is not null and encode(national_id_hash, 'escape') like '%031204005678%'"))
			.isZero();
	}

	private long count(String sql) {
		return this.database.sql(sql).map((r, m) -> r.get(0, Long.class)).one().block();
	}

	private long participants() {
		return this.database.sql("select count(*) from participant").map((r, m) -> r.get(0, Long.class)).one().block();
	}

}
