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
 * @param overdueSweepInterval how often each replica looks for attempts whose deadline
 * plus grace passed unsubmitted, and finishes them (from their last save, or as expired):
 * well under a minute, so that none waits longer
 * @param overdueSweepBatch at most how many overdue attempts one look finishes (the next
 * look goes on at once while there are more)
 */
@Validated
@ConfigurationProperties("civiquiz.exam")
public record ExamProperties(@DefaultValue("15s") @NotNull Duration submissionGrace,
		@DefaultValue("100000000") @Min(1) long maxPrediction, @DefaultValue("500ms") @NotNull Duration listenerTimeout,
		@DefaultValue("30s") @NotNull Duration reconcileInterval,
		@DefaultValue("20s") @NotNull Duration overdueSweepInterval,
		@DefaultValue("500") @Min(1) int overdueSweepBatch) {

}
