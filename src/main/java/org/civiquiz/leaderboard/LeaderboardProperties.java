package org.civiquiz.leaderboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leaderboard settings.
 *
 * @param maxLimit the most entries one board request returns
 */
@ConfigurationProperties("civiquiz.leaderboard")
public record LeaderboardProperties(@DefaultValue("100") int maxLimit) {

}
