package org.civiquiz.contest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.civiquiz.IntegrationTest;
import org.civiquiz.contest.ContestService.NewUnit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visitor reads the contest page: a replica keeps it for
 * {@code civiquiz.contest.cache-ttl} (the other integration tests turn that off), and an
 * organizer's edit through this replica shows at once.
 */
@IntegrationTest
@TestPropertySource(properties = "civiquiz.contest.cache-ttl=1h")
class ContestPageCacheIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ContestService contests;

	@Autowired
	private DatabaseClient database;

	@Test
	void theContestPageIsKeptUntilAnOrganizerEditsIt() {
		String slug = ContestFixtures.openContest(this.contests, "cached-page", List.of("Quận Hồng Bàng"),
				List.of(new NewUnit("CP1", "Hợp tác xã Đồng Tâm", null, null)));
		assertThat(page(slug)).containsEntry("title", "Test " + slug);

		// another replica's edit (here: straight in PostgreSQL) reaches this one when its
		// copy expires, not before
		this.database.sql("update contest set title = 'Sửa ở nơi khác' where slug = :slug")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated()
			.block();
		assertThat(page(slug)).containsEntry("title", "Test " + slug);

		WebTestClient organizer = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth("organizer", IntegrationTest.ORGANIZER_PASSWORD))
			.build();
		Map<String, Object> form = organizer.get()
			.uri("/api/admin/contests/{slug}", slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		form.put("title", "Cuộc thi đã sửa");
		organizer.put().uri("/api/admin/contests/{slug}", slug).bodyValue(form).exchange().expectStatus().isOk();

		Map<String, Object> edited = page(slug);
		assertThat(edited).containsEntry("title", "Cuộc thi đã sửa");
		assertThat(edited.get("currentRound")).isEqualTo(1);
		// the server's clock is the request's own, never the cached copy's
		Instant shown = Instant.parse((String) edited.get("serverTime"));
		LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		assertThat(Instant.parse((String) page(slug).get("serverTime"))).isAfter(shown);
	}

	@Test
	void anUnknownSlugIsNotFoundAndNotKept() {
		this.client.get()
			.uri("/api/contests/{slug}", "no-such-contest-cached")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONTEST_NOT_FOUND");
	}

	private Map<String, Object> page(String slug) {
		return this.client.get()
			.uri("/api/contests/{slug}", slug)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
