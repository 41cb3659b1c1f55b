package org.civiquiz.seed;

import java.util.List;

import org.civiquiz.IntegrationTest;
import org.civiquiz.award.WinnersList;
import org.civiquiz.stats.ContestStats;
import org.civiquiz.stats.ItemAnalysis;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay at a hundredth of the campaign's size, through the real services.
 */
@IntegrationTest
class CampaignReplayIntegrationTests {

	@Autowired
	private CampaignReplay replay;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private WebTestClient client;

	@Test
	void aSmallReplayReportsWhatItPlanned() {
		CampaignReplay.ReplayReport report = this.replay.replay("replay-test", 0.01, 8, ReferenceContestSeeder.bank())
			.block();
		ContestStats figures = report.figures();
		assertThat(figures.participants()).isEqualTo(report.people()).isEqualTo(209);
		assertThat(figures.attemptsSubmitted()).isEqualTo(report.attempts()).isEqualTo(296);
		assertThat(figures.attempts().perfect()).isEqualTo(report.perfect()).isEqualTo(47);
		assertThat(figures.attempts().atLeast15()).isEqualTo(report.atLeast15()).isEqualTo(158);
		// answered question by question: the planted wrong key is flagged, in the
		// replay's own copy of the bank only
		assertThat(report.planted()).isEqualTo(ReplayBank.PLANTED);
		assertThat(report.items().attempts()).isEqualTo(296);
		assertThat(report.items().items()).filteredOn((item) -> item.code().equals(ReplayBank.PLANTED))
			.singleElement()
			.satisfies((item) -> assertThat(item.flags()).contains(ItemAnalysis.Flag.MAYBE_WRONG_KEY));
		assertThat(ReplayRunner.itemAnalysis(report))
			.contains("the planted wrong key (" + ReplayBank.PLANTED + ") is flagged MAYBE_WRONG_KEY");
		assertThat(this.database
			.sql("select count(*) from question where code = :code and bank = :bank and correct_option <> ("
					+ "select correct_option from question where code = :code and bank = :seeded)")
			.bind("code", ReplayBank.PLANTED)
			.bind("bank", ReplayBank.NAME)
			.bind("seeded", ReferenceContestSeeder.SEED_BANK)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(1);
		// facility follows the score: the easiest questions are answered right more
		// often than the hardest
		List<Double> facilities = report.items()
			.items()
			.stream()
			.filter((item) -> item.drawn() >= 20 && !item.code().equals(ReplayBank.PLANTED))
			.map(ItemAnalysis.Item::facility)
			.sorted()
			.toList();
		assertThat(facilities.get(facilities.size() - 1) - facilities.get(0)).isGreaterThan(0.3);
		// spread over four past weeks, and closed
		assertThat(figures.timeline().size()).isGreaterThan(50);
		assertThat(this.database.sql("select status from contest where slug = 'replay-test'")
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo("CLOSED");
		assertThat(this.database.sql(
				"select count(distinct round_id) from attempt a join contest c on c.id = a.contest_id where c.slug = 'replay-test'")
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(4);
		// the boards were rebuilt from the moved attempts
		this.client.get()
			.uri("/api/contests/replay-test/leaderboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ranked")
			.isEqualTo(209)
			.jsonPath("$.entries[0].score")
			.isEqualTo(20);

		// the committee's step: each round's winners, then the contest's, one prize per
		// person
		List<WinnersList> lists = this.replay.finalizeAll("replay-test").collectList().block();
		assertThat(lists).hasSize(5);
		assertThat(lists.subList(0, 4)).allSatisfy((list) -> {
			assertThat(list.winners()).hasSize(16);
			assertThat(list.winners().get(0).score()).isEqualTo(20);
			assertThat(list.winners().get(0).prize()).isEqualTo("Giải Nhất");
		});
		assertThat(lists.get(4).round()).isNull();
		assertThat(lists.get(4).actualPrediction()).isEqualTo(47);
		// a person wins twice only where the later, higher prize supersedes the earlier
		List<String> phones = lists.stream()
			.flatMap((list) -> list.winners().stream())
			.map(WinnersList.Winner::phone)
			.toList();
		long superseded = lists.stream().mapToLong((list) -> list.superseded().size()).sum();
		assertThat(phones).hasSize(65);
		assertThat(phones.stream().distinct().count()).isEqualTo(65 - superseded);
	}

}
