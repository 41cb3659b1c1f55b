package org.civiquiz.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statistics settings.
 *
 * @param streamTick how often the live stream checks for new figures
 */
@ConfigurationProperties("civiquiz.stats")
public record StatsProperties(@DefaultValue("1s") Duration streamTick) {

}
