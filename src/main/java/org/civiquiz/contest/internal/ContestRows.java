package org.civiquiz.contest.internal;

import java.util.Map;
import java.util.TreeMap;

import io.r2dbc.postgresql.codec.Json;
import org.civiquiz.contest.CertificateSetting;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A contest row's columns that need more than a mapping: the JSON ones (chapter quotas,
 * certificate) and the prediction question as the exam asks it.
 */
@Component
public class ContestRows {

	private static final TypeReference<Map<Integer, Integer>> QUOTAS = new TypeReference<>() {
	};

	private final JsonMapper json;

	ContestRows(JsonMapper json) {
		this.json = json;
	}

	public Map<Integer, Integer> quotas(Contest contest) {
		return new TreeMap<>(this.json.readValue(contest.chapterQuotas().asString(), QUOTAS));
	}

	public Json json(Map<Integer, Integer> quotas) {
		return Json.of(this.json.writeValueAsString(quotas));
	}

	public CertificateSetting certificate(Contest contest) {
		return (contest.certificate() != null)
				? this.json.readValue(contest.certificate().asString(), CertificateSetting.class)
				: CertificateSetting.OFF;
	}

	public Json json(CertificateSetting certificate) {
		// an off setting keeps what organizers typed, for when they turn it on again
		return (certificate != null) ? Json.of(this.json.writeValueAsString(certificate)) : null;
	}

	/**
	 * The question asked at the end of the exam: none for an unranked contest, since the
	 * prediction only separates winners (a question kept from when it ranked stays
	 * stored, for the day it ranks again).
	 * @param contest the contest
	 * @return the question, or {@code null}
	 */
	public static String predictionQuestion(Contest contest) {
		return (contest.ranked() && !contest.predictionQuestion().isBlank()) ? contest.predictionQuestion() : null;
	}

}
