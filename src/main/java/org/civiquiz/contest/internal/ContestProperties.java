package org.civiquiz.contest.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Contest settings.
 *
 * @param cacheTtl how long a replica reuses a contest's settings before reading them
 * again: an organizer's change (closing a contest, say) reaches every replica within this
 * time
 */
@ConfigurationProperties("civiquiz.contest")
public record ContestProperties(@DefaultValue("5s") Duration cacheTtl) {

}
