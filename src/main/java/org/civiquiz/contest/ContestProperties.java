package org.civiquiz.contest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Contest settings.
 *
 * @param cacheTtl how long a replica reuses a contest's settings before reading them
 * again: an organizer's change (closing a contest, say) reaches every replica within this
 * time
 * @param defaultConsentText the consent text a contest gets when its organizers set none
 * (in {@code application.yml}: the data used, what for, who sees them, and how long they
 * are kept, {@code civiquiz.retention.days})
 */
@ConfigurationProperties("civiquiz.contest")
public record ContestProperties(@DefaultValue("5s") Duration cacheTtl, String defaultConsentText) {

	public ContestProperties {
		if (!StringUtils.hasText(defaultConsentText)) {
			throw new IllegalArgumentException("civiquiz.contest.default-consent-text must be set");
		}
		defaultConsentText = ConsentTexts.normalize(defaultConsentText);
	}

}
