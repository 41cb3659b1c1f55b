package org.civiquiz.stats;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Statistics settings.
 *
 * @param streamTick how often the live stream checks for new figures
 * @param streamTablesEvery how often at most the live stream sends the tables (units,
 * districts, questions, articles, chapters, timeline) again when they changed; the
 * counters and histograms go out at every change
 * @param streamKeepAlive how often a quiet stream sends a comment, so that proxies keep
 * the connection open
 * @param streamMaxPending how many frames may wait for a viewer whose connection takes no
 * more bytes before the viewer is dropped (the page connects again)
 * @param streamUnitsEvery how often at most the stream of a unit-scoped account's figures
 * computes them again from PostgreSQL when they changed
 */
@Validated
@ConfigurationProperties("civiquiz.stats")
public record StatsProperties(@DefaultValue("1s") Duration streamTick, @DefaultValue("10s") Duration streamTablesEvery,
		@DefaultValue("15s") Duration streamKeepAlive, @DefaultValue("32") @Min(1) int streamMaxPending,
		@DefaultValue("3s") Duration streamUnitsEvery) {

}
