package org.civiquiz.contest.internal;

import java.time.Instant;

import io.r2dbc.postgresql.codec.Json;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("contest")
public record Contest(@Id Long id, String slug, String title, String law, String description, String rules,
		String questionBank, Instant opensAt, Instant closesAt, int timeLimitSeconds, int questionsPerAttempt,
		int maxAttemptsPerRound, Json chapterQuotas, String predictionQuestion, String[] districts,
		ContestStatus status, long consentTextId, PhoneVerification phoneVerification, ReviewPolicy reviewPolicy,
		OverdueHandling overdueHandling, Json certificate, boolean ranked) {

}
