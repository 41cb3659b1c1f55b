package org.civiquiz.leaderboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leaderboard settings.
 *
 * @param maxLimit the most entries one board request returns
 * @param pageCacheTtl how long a replica serves a board page it read before reading it
 * again ({@code 0} reads every time): a board may be this much behind
 * @param pageCacheSize the most board pages a replica keeps (one per contest, round, unit
 * or district, limit, and open or closed)
 */
@ConfigurationProperties("civiquiz.leaderboard")
public record LeaderboardProperties(@DefaultValue("100") int maxLimit, @DefaultValue("1s") Duration pageCacheTtl,
		@DefaultValue("2000") int pageCacheSize) {

}
