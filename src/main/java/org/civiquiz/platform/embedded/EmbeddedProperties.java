package org.civiquiz.platform.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default: what the app starts itself when no PostgreSQL or Redis address is
 * configured.
 *
 * @param enabled start embedded servers for whatever is not configured
 * @param dataDir where PostgreSQL, Redis and the generated secrets keep their data
 * between runs
 * @param postgresPort port of the embedded PostgreSQL ({@code 0} picks a free one)
 * @param redisPort port of the embedded Redis ({@code 0} picks a free one)
 * @param fresh delete the data directory before starting (tests)
 */
@ConfigurationProperties("civiquiz.embedded")
public record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue(".civiquiz-data") Path dataDir,
		@DefaultValue("15432") int postgresPort, @DefaultValue("16379") int redisPort,
		@DefaultValue("false") boolean fresh) {

}
