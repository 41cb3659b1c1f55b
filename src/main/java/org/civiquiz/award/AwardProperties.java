package org.civiquiz.award;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Awards.
 *
 * @param zone the time zone of the submission times in exports
 * @param resultsCacheTtl how long a replica keeps a contest's public results (it forgets
 * them at once when it finalizes, reopens or redacts one of the contest's lists)
 */
@Validated
@ConfigurationProperties("civiquiz.award")
public record AwardProperties(@DefaultValue("Asia/Ho_Chi_Minh") @NotNull ZoneId zone,
		@DefaultValue("10s") @NotNull Duration resultsCacheTtl) {
}
