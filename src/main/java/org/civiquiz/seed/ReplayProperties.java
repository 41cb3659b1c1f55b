package org.civiquiz.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replay of the reference campaign (profile {@code replay}).
 *
 * @param slug the contest it creates
 * @param scale 1 for the campaign's real size (20,900 people, 29,600 attempts)
 * @param concurrency how many participants take their exams at once
 * @param exit stop the app when done
 */
@ConfigurationProperties("civiquiz.replay")
public record ReplayProperties(@DefaultValue("htx-2024-replay") String slug, @DefaultValue("1.0") double scale,
		@DefaultValue("16") int concurrency, @DefaultValue("true") boolean exit) {

}
