package org.civiquiz.leaderboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leaderboard settings.
 *
 * @param reconcileInterval how often each replica checks whether Redis lost the boards
 * (or missed submissions) and rebuilds them from PostgreSQL
 * @param maxLimit the most entries one board request returns
 */
@ConfigurationProperties("civiquiz.leaderboard")
public record LeaderboardProperties(@DefaultValue("30s") Duration reconcileInterval,
		@DefaultValue("100") int maxLimit) {

}
