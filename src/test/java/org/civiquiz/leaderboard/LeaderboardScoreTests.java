package org.civiquiz.leaderboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeaderboardScoreTests {

	@Test
	void higherScoreWinsWhateverTheTime() {
		assertThat(LeaderboardScore.encode(20, LeaderboardScore.MAX_DURATION_MS, LeaderboardScore.MAX_OFFSET_SECONDS))
			.isGreaterThan(LeaderboardScore.encode(19, 0, 0));
	}

	@Test
	void equalScoreShorterDurationWins() {
		assertThat(LeaderboardScore.encode(15, 60_000, 1_000_000))
			.isGreaterThan(LeaderboardScore.encode(15, 60_001, 0));
	}

	@Test
	void equalScoreAndDurationEarlierSubmissionWins() {
		assertThat(LeaderboardScore.encode(15, 60_000, 99)).isGreaterThan(LeaderboardScore.encode(15, 60_000, 100));
	}

	@Test
	void valueIsExactAndDecodes() {
		double encoded = LeaderboardScore.encode(20, 1_234_567, LeaderboardScore.MAX_OFFSET_SECONDS - 1);
		assertThat((double) (long) encoded).isEqualTo(encoded);
		assertThat(encoded).isLessThan(Math.pow(2, 53));
		assertThat(LeaderboardScore.score(encoded)).isEqualTo(20);
		assertThat(LeaderboardScore.durationMs(encoded)).isEqualTo(1_234_567);
	}

	@Test
	void neighbouringResultsStayDistinct() {
		// one millisecond and one second apart at the top of the range must not collapse
		assertThat(LeaderboardScore.encode(31, 1, 0)).isNotEqualTo(LeaderboardScore.encode(31, 0, 0));
		assertThat(LeaderboardScore.encode(31, 0, 1)).isNotEqualTo(LeaderboardScore.encode(31, 0, 0));
	}

	@Test
	void outOfRangeDurationsAndOffsetsAreCapped() {
		assertThat(LeaderboardScore.encode(10, Long.MAX_VALUE, 0))
			.isEqualTo(LeaderboardScore.encode(10, LeaderboardScore.MAX_DURATION_MS, 0));
		assertThat(LeaderboardScore.encode(10, 0, -5)).isEqualTo(LeaderboardScore.encode(10, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> LeaderboardScore.encode(32, 0, 0));
	}

}
