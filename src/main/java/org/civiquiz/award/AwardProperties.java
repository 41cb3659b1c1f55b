package org.civiquiz.award;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Awards.
 *
 * @param zone the time zone of the submission times in exports
 */
@Validated
@ConfigurationProperties("civiquiz.award")
public record AwardProperties(@DefaultValue("Asia/Ho_Chi_Minh") @NotNull ZoneId zone) {
}
