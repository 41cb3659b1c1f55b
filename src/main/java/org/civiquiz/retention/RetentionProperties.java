package org.civiquiz.retention;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retention of participants' personal data.
 *
 * @param days how long after a contest's whole-contest winners list was finalized its
 * participants' data are kept ({@code CIVIQUIZ_RETENTION_DAYS}); the default consent text
 * states it
 * @param run run the retention command at start-up
 * ({@code --civiquiz.retention.run=true})
 * @param dryRun with {@code run}: report what would change, change nothing
 * @param exit with {@code run}: stop the app when done
 */
@Validated
@ConfigurationProperties("civiquiz.retention")
public record RetentionProperties(@DefaultValue("180") @Min(1) int days, @DefaultValue("false") boolean run,
		@DefaultValue("false") boolean dryRun, @DefaultValue("true") boolean exit) {

}
