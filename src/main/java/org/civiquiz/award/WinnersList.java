package org.civiquiz.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A frozen winners list, as stored and exported.
 *
 * @param contest the contest's slug
 * @param round the round's number; {@code null} for the whole contest
 * @param roundName the round's name, or "Toàn cuộc thi" for the whole contest
 * @param ruleRevision the revision of the prize plan used
 * @param tieBreak the chain used (the attempt id follows it)
 * @param actualPrediction the actual value the prediction question asked for: submitted
 * attempts with every answer right in the round (for the whole contest, the sum over its
 * rounds; each prediction is measured against its own round's value)
 * @param ranked how many participants were ranked
 * @param winners the winners, best first
 * @param unitPrizes collective prizes
 * @param passedOver people ranked above the last winner who were passed over because they
 * hold a prize in another list
 * @param superseded winners here who held a lower prize in another list: that prize is
 * void, and that list must be reopened to hand it on
 * @param excluded attempts in scope the committee excluded, with the reason
 * @param timeZone the time zone submission times are shown in
 * @param sha256 SHA-256 (hex) of the canonical CSV form; after redaction, still that of
 * the list as frozen
 * @param finalizedAt when
 * @param finalizedBy by whom
 * @param redactedAt when the retention command removed the list's names and contacts;
 * {@code null} while they are kept
 */
public record WinnersList(String contest, Integer round, String roundName, int ruleRevision, List<TieBreak> tieBreak,
		long actualPrediction, int ranked, List<Winner> winners, List<UnitPrize> unitPrizes,
		List<PassedOver> passedOver, List<SupersededPrize> superseded, List<Excluded> excluded, String timeZone,
		String sha256, Instant finalizedAt, String finalizedBy, Instant redactedAt) {

	WinnersList withHash(String sha256) {
		return new WinnersList(this.contest, this.round, this.roundName, this.ruleRevision, this.tieBreak,
				this.actualPrediction, this.ranked, this.winners, this.unitPrizes, this.passedOver, this.superseded,
				this.excluded, this.timeZone, sha256, this.finalizedAt, this.finalizedBy, this.redactedAt);
	}

	/**
	 * The list without personal data: every name is {@code name}, phones and emails are
	 * gone; ranks, prizes, units, districts, scores, times, attempt ids, reasons and the
	 * hash of the list as frozen stay.
	 * @param name what stands for a name
	 * @param at when
	 * @return the redacted list
	 */
	WinnersList redacted(String name, Instant at) {
		return new WinnersList(this.contest, this.round, this.roundName, this.ruleRevision, this.tieBreak,
				this.actualPrediction, this.ranked,
				this.winners.stream()
					.map((w) -> new Winner(w.rank(), w.prize(), name, w.unitCode(), w.unitName(), w.district(), null,
							null, w.score(), w.durationMs(), w.prediction(), w.actualValue(), w.predictionDistance(),
							w.submittedAt(), w.attemptId(), w.rankReason(), w.autoSubmitted()))
					.toList(),
				this.unitPrizes,
				this.passedOver.stream()
					.map((p) -> new PassedOver(p.rank(), name, p.unitCode(), p.attemptId(), p.heldPrize()))
					.toList(),
				this.superseded.stream().map((s) -> new SupersededPrize(s.attemptId(), name, s.heldPrize())).toList(),
				this.excluded.stream()
					.map((e) -> new Excluded(e.attemptId(), name, e.reason(), e.excludedBy(), e.excludedAt()))
					.toList(),
				this.timeZone, this.sha256, this.finalizedAt, this.finalizedBy, at);
	}

	/**
	 * A winner.
	 *
	 * @param rank place in the ranking
	 * @param prize the prize
	 * @param fullName name as registered
	 * @param unitCode unit
	 * @param unitName unit's name
	 * @param district district
	 * @param phone phone (E.164)
	 * @param email email, if given
	 * @param score correct answers
	 * @param durationMs time taken
	 * @param prediction the prediction, if given
	 * @param actualValue the value it was measured against (its round's)
	 * @param predictionDistance its distance from the actual value, if given
	 * @param submittedAt submission time
	 * @param attemptId the attempt
	 * @param rankReason the chain step that put them ahead of the next one ranked
	 * ({@code SCORE}, {@code PREDICTION}, {@code DURATION}, {@code SUBMITTED_AT},
	 * {@code ATTEMPT_ID}), or {@code LAST}
	 * @param autoSubmitted whether the server submitted the attempt from its last save
	 * when its time ran out (false in lists frozen before this was recorded)
	 */
	public record Winner(int rank, String prize, String fullName, String unitCode, String unitName, String district,
			String phone, String email, int score, int durationMs, Long prediction, long actualValue,
			Long predictionDistance, Instant submittedAt, UUID attemptId, String rankReason, boolean autoSubmitted) {
	}

	/**
	 * Someone passed over.
	 *
	 * @param rank place in the ranking
	 * @param fullName name as registered
	 * @param unitCode unit
	 * @param attemptId their best attempt
	 * @param heldPrize the prize they already hold, e.g. "Tuần 1: Giải Nhất"
	 */
	public record PassedOver(int rank, String fullName, String unitCode, UUID attemptId, String heldPrize) {
	}

	/**
	 * A lower prize held in another list, superseded by a winner's prize here.
	 *
	 * @param attemptId the winner's attempt here
	 * @param fullName the winner
	 * @param heldPrize the prize superseded, e.g. "Tuần 1: Giải Ba"
	 */
	public record SupersededPrize(UUID attemptId, String fullName, String heldPrize) {
	}

	/**
	 * An excluded attempt.
	 *
	 * @param attemptId the attempt
	 * @param fullName whose
	 * @param reason why
	 * @param excludedBy who decided
	 * @param excludedAt when
	 */
	public record Excluded(UUID attemptId, String fullName, String reason, String excludedBy, Instant excludedAt) {
	}

}
