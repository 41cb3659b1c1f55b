package org.civiquiz.exam;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Exam settings.
 *
 * @param submissionGrace how long after the deadline a submission is still accepted
 * (network latency of an automatic submission when time runs out)
 * @param maxPrediction the largest answer to the prediction question accepted
 * @param listenerTimeout how long a submission waits for its listeners (the leaderboard)
 * before answering anyway
 * @param reconcileInterval how often each replica checks whether a read model
 * (leaderboards, live statistics) lost its data or missed events, and rebuilds it from
 * PostgreSQL
 */
@Validated
@ConfigurationProperties("civiquiz.exam")
public record ExamProperties(@DefaultValue("15s") @NotNull Duration submissionGrace,
		@DefaultValue("100000000") @Min(1) long maxPrediction, @DefaultValue("500ms") @NotNull Duration listenerTimeout,
		@DefaultValue("30s") @NotNull Duration reconcileInterval) {

}
