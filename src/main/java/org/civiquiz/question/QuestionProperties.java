package org.civiquiz.question;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Question bank settings.
 *
 * @param cacheTtl how long a replica reuses a bank before reading it again: an import
 * through another replica shows here after at most this long
 */
@ConfigurationProperties("civiquiz.question")
public record QuestionProperties(@DefaultValue("1m") Duration cacheTtl) {

}
